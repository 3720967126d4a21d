/**
 * A page's chunk: its entry, which a chunk group takes in with everything the entry imports
 * without `import()` on the way. Left alone, the bundler splits out each module a lazy chunk
 * shares with the page, and a first visit fetches thirty-odd small files that compress worse
 * apart than together (Basket's page is about 146 kB gzip in one). The benchmark builds its
 * copy of the page, and the peer's, the same way (bench/vite.config.ts), so a boot there is
 * the app's.
 */
export const pageGroup = (entry: string, name: string) => ({
  debugName: name,
  name: (id: string) => (id === entry ? name : null),
});
