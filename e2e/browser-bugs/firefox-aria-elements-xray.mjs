// Reduced reproduction of a Firefox content-process crash (SIGSEGV): reading
// `Element#ariaLabelledByElements` in one realm after another realm has read it through an
// Xray wrapper (a WebDriver BiDi sandbox here; an extension's content script is the same kind).
// No Playwright, no Basket: plain WebDriver BiDi over a WebSocket. Bug report beside this file.
//
//   node --experimental-websocket e2e/browser-bugs/firefox-aria-elements-xray.mjs   (Node 20)
//   node e2e/browser-bugs/firefox-aria-elements-xray.mjs                             (Node 22+)
//
// FIREFOX_PATH picks the browser (default /usr/bin/firefox-esr). Exit 1: it crashed. Exit 0: it
// did not, so the bug is fixed in that build and e2e/axe.ts can stop working around it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (typeof WebSocket !== 'function') {
  console.error('This needs a WebSocket client: run Node 20 with --experimental-websocket.');
  process.exit(2);
}

const page = '<!doctype html><section aria-labelledby="h"><h2 id="h">Groceries</h2></section>';
const read = "document.querySelector('section').ariaLabelledByElements.length";

// Served over http: Firefox does not let a top-level navigation open a data: URL.
const server = createServer((_, response) => response.end(page));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = mkdtempSync(join(tmpdir(), 'ff-xray-'));
const browser = spawn(firefox, ['--headless', '--remote-debugging-port=0', '--profile', profile]);
let log = '';
const endpoint = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('Firefox did not offer WebDriver BiDi')), 30_000);
  const scan = (chunk) => {
    log += chunk;
    const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
    if (found) {
      clearTimeout(timer);
      resolve(found[1]);
    }
  };
  browser.stdout.on('data', scan);
  browser.stderr.on('data', scan);
});

const socket = new WebSocket(`${endpoint}/session`);
await new Promise((resolve, reject) => {
  socket.onopen = resolve;
  socket.onerror = reject;
});
let next = 0;
const waiting = new Map();
socket.onmessage = ({ data }) => {
  const message = JSON.parse(data);
  const done = waiting.get(message.id);
  if (done) {
    waiting.delete(message.id);
    done(message);
  }
};
function send(method, params) {
  const id = ++next;
  socket.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve) => waiting.set(id, resolve));
}
const evaluate = (context, sandbox) =>
  send('script.evaluate', {
    expression: read,
    target: sandbox ? { context, sandbox } : { context },
    awaitPromise: false,
  });

await send('session.new', { capabilities: {} });
const tree = await send('browsingContext.getTree', {});
const context = tree.result.contexts[0].context;
const opened = await send('browsingContext.navigate', { context, url, wait: 'complete' });
if (opened.error) throw new Error(`navigate: ${opened.error} ${opened.message}`);

const inSandbox = await evaluate(context, 'xray');
console.log('1. read in a sandbox:', JSON.stringify(inSandbox.result ?? inSandbox.error));
const inPage = await Promise.race([
  evaluate(context),
  new Promise((resolve) => setTimeout(() => resolve({ error: 'no answer in 10 s' }), 10_000)),
]);
console.log('2. read in the page:', JSON.stringify(inPage.result ?? inPage.error));

socket.close();
browser.kill();
await new Promise((resolve) => browser.once('exit', resolve));
rmSync(profile, { recursive: true, force: true });
server.close();

if (inSandbox.result?.type !== 'success') throw new Error('the first read did not run');
const crashed =
  /content process crashed|exited on signal 11/i.test(log) || inPage.result?.type !== 'success';
const signal = /exited on signal \d+/.exec(log)?.[0];
console.log(
  crashed ? `CRASHED: the content process died (${signal ?? 'its page is gone'}).` : 'No crash.',
);
process.exit(crashed ? 1 : 0);
