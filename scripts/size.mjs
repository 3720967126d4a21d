// Prints the JavaScript a first visit loads before the list can show (the entry module and the
// chunks index.html preloads with it) apart from what loads later, gzip-compressed.
// Run after a build: `npm run size`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
  ].map((m) => m[1]),
);
const gzip = (file) => gzipSync(readFileSync(join(dist, file))).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
if (process.argv.includes('--json')) {
  // For the benchmark: the same figures, as data.
  const sizes = (files) => files.map((file) => ({ file, gzip: gzip(file) }));
  const chunks = sizes(all.filter((f) => initial.has(f)));
  console.log(
    JSON.stringify({
      initial: chunks.reduce((sum, c) => sum + c.gzip, 0),
      initialChunks: chunks,
      lazy: sizes(all.filter((f) => !initial.has(f))),
    }),
  );
  process.exit(initial.size ? 0 : 1);
}
let total = 0;
console.log('initial JavaScript (gzip):');
for (const file of all.filter((f) => initial.has(f))) {
  total += gzip(file);
  console.log(`  ${kB(gzip(file)).padStart(9)}  ${file}`);
}
console.log(`  ${kB(total).padStart(9)}  total`);
console.log('loaded later (gzip):');
for (const file of all.filter((f) => !initial.has(f))) {
  console.log(`  ${kB(gzip(file)).padStart(9)}  ${file}`);
}
if (initial.size === 0) {
  console.error('No entry script found in dist/index.html: build first.');
  process.exit(1);
}
