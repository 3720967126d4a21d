const KEY = 'basket:open-list';

/**
 * Which list this browser last had open. A preference of this device, not a fact of the list,
 * so it is kept beside the log rather than in it; storage that refuses only costs the memory.
 */
export function rememberedList(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberList(streamId: string): void {
  try {
    localStorage.setItem(KEY, streamId);
  } catch {
    // Not remembered: the next visit opens the first list.
  }
}
