/**
 * What someone has typed but not yet added, kept for this tab only: it survives a reload (the
 * update prompt's, or an accidental one) and is gone when the tab closes. Storage that refuses
 * (some private modes) only costs the draft, so failures are ignored on purpose.
 */
export function readDraft(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function writeDraft(key: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    // The draft is a convenience; the field itself still holds the text.
  }
}
