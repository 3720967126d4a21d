import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/local/bin/firefox'];

/**
 * The system Firefox, driven over WebDriver BiDi by Playwright's own client (`moz-firefox`):
 * Playwright's patched Firefox cannot be downloaded everywhere Basket is built, and Debian has
 * no geckodriver. The gaps between the two are bridged in `e2e/firefox-bidi.cjs`.
 */
export function firefoxPath(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return checked(fromEnv);
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return checked(found);
  throw new Error(
    [
      'No Firefox found for the end-to-end tests.',
      'Install it: sudo apt-get update && sudo apt-get install -y firefox-esr',
      'or point FIREFOX_PATH at a Firefox executable.',
    ].join('\n'),
  );
}

/** The oldest Firefox whose WebDriver BiDi has what Playwright needs with e2e/firefox-bidi.cjs. */
const OLDEST = 153;

/**
 * Debian 12's own firefox-esr is 140, whose BiDi lacks a dozen commands Playwright sends
 * (network.addDataCollector first); bookworm-security has 153. Said plainly, not as a protocol
 * error from the first test.
 */
const versions = new Map<string, string>();
function checked(path: string): string {
  if (versions.has(path)) return path;
  const said = execFileSync(path, ['--version'], { encoding: 'utf8' });
  const major = Number(/(\d+)\./.exec(said)?.[1]);
  if (!(major >= OLDEST)) {
    throw new Error(
      [
        `${path} is ${said.trim()}; the end-to-end tests need Firefox ${OLDEST} or newer.`,
        'Update it: sudo apt-get update && sudo apt-get install -y firefox-esr',
        '(Debian 12 has 153 in bookworm-security), or point FIREFOX_PATH at a newer Firefox.',
      ].join('\n'),
    );
  }
  versions.set(path, said);
  return path;
}

/**
 * Firefox shows one colour scheme for the whole browser (it cannot emulate one per context over
 * BiDi), so dark mode is its own project, launched with this preference.
 */
export const firefoxDarkPrefs = { 'layout.css.prefers-color-scheme.content-override': 0 };
