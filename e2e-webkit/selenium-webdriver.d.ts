/**
 * The part of selenium-webdriver (which ships no types) that the WebKit runner uses, so that
 * `npm run typecheck` checks e2e-webkit/ without another dependency (@types/selenium-webdriver).
 */
declare module 'selenium-webdriver' {
  /** A locator: `By.css(…)`, `By.xpath(…)`. */
  export interface By {
    readonly using: string;
    readonly value: string;
  }
  export const By: { css(selector: string): By; xpath(path: string): By };

  export const Key: { readonly ENTER: string; readonly CONTROL: string; readonly ESCAPE: string };

  interface SearchContext {
    findElement(by: By): WebElement & Promise<WebElement>;
    findElements(by: By): Promise<WebElement[]>;
  }

  export interface WebElement extends SearchContext {
    click(): Promise<void>;
    clear(): Promise<void>;
    sendKeys(...keys: string[]): Promise<void>;
    getAttribute(name: string): Promise<string | null>;
    getTagName(): Promise<string>;
    getText(): Promise<string>;
    isDisplayed(): Promise<boolean>;
    isSelected(): Promise<boolean>;
    /** WebDriver "Get Computed Role": the role as the browser's accessibility code computes it. */
    getAriaRole(): Promise<string>;
    /** WebDriver "Get Computed Label": the accessible name as the browser computes it. */
    getAccessibleName(): Promise<string>;
    getDriver(): WebDriver;
  }

  export interface WebDriver extends SearchContext {
    get(url: string): Promise<void>;
    quit(): Promise<void>;
    executeScript<T = unknown>(script: string, ...args: unknown[]): Promise<T>;
    executeAsyncScript<T = unknown>(script: string, ...args: unknown[]): Promise<T>;
    getWindowHandle(): Promise<string>;
    getCurrentUrl(): Promise<string>;
    navigate(): { refresh(): Promise<void> };
    manage(): {
      setTimeouts(timeouts: {
        implicit?: number;
        pageLoad?: number;
        script?: number;
      }): Promise<void>;
    };
    switchTo(): {
      window(handle: string): Promise<void>;
      newWindow(typeHint: 'tab' | 'window'): Promise<void>;
    };
  }

  export class Builder {
    usingServer(url: string): this;
    withCapabilities(capabilities: Record<string, unknown>): this;
    build(): WebDriver & Promise<WebDriver>;
  }

  type ErrorClass = new (message?: string) => Error;
  export const error: {
    readonly StaleElementReferenceError: ErrorClass;
    readonly NoSuchElementError: ErrorClass;
    readonly ElementNotInteractableError: ErrorClass;
    readonly ElementClickInterceptedError: ErrorClass;
  };
}
