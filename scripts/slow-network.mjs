// Opens pages in headless Chromium on an emulated slow connection and prints
// how long each takes until it is usable, and how many bytes came over the
// wire. Used by scripts/bench; talks to Chromium over the DevTools protocol
// with Node's own WebSocket (run with --experimental-websocket on Node 20),
// so it needs no package.
//
//   node --experimental-websocket scripts/slow-network.mjs \
//     'label|url|JavaScript expression that is true once the page is usable[|name=value]' ...
//
// The optional fourth part is a cookie sent with the page (a signed-in
// session, for a staff page).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Chromium DevTools' "Fast 3G" preset: 1.44 Mbit/s down, 675 kbit/s up, each
// at 90% goodput, and 150 ms of latency times DevTools' 3.75 round-trip factor.
const FAST_3G = {
  offline: false,
  downloadThroughput: (1.44 * 1000 * 1000) / 8 * 0.9,
  uploadThroughput: (675 * 1000) / 8 * 0.9,
  latency: 150 * 3.75,
};
const GIVE_UP_MS = 120_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function chromiumBinary() {
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(path)) return path;
  }
  throw new Error('Chromium is not installed (scripts/lib.sh ensure_chromium installs it)');
}

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'hiring-kit-slow-'));
  const chromium = spawn(
    chromiumBinary(),
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  for (let waited = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n'); waited += 100) {
    if (waited > 20_000) throw new Error('Chromium did not open its DevTools port');
    await sleep(100);
  }
  const [port, path] = readFileSync(portFile, 'utf8').trim().split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('could not reach Chromium DevTools'));
  });
  let next = 0;
  const waiting = new Map();
  const listeners = [];
  socket.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.id !== undefined && waiting.has(data.id)) {
      const { resolve, reject } = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error) reject(new Error(`${data.error.message}`));
      else resolve(data.result);
    } else if (data.method) {
      listeners.forEach((listener) => listener(data));
    }
  };
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
  const close = async () => {
    socket.close();
    const exited = new Promise((resolve) => chromium.once('exit', resolve));
    chromium.kill();
    await Promise.race([exited, sleep(5_000)]);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return { send, listeners, close };
}

/** Opens `url` in a fresh tab (empty cache), with `cookie` when given, and waits for `ready`. */
async function measure(browser, url, ready, cookie) {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params) => browser.send(method, params, sessionId);
  let bytes = 0;
  const count = (event) => {
    if (event.sessionId === sessionId && event.method === 'Network.loadingFinished') {
      bytes += event.params.encodedDataLength;
    }
  };
  browser.listeners.push(count);
  await send('Network.enable');
  await send('Network.setCacheDisabled', { cacheDisabled: true });
  await send('Network.emulateNetworkConditions', FAST_3G);
  if (cookie) {
    const [name, ...value] = cookie.split('=');
    await send('Network.setCookie', { name, value: value.join('='), url });
  }
  await send('Page.enable');
  const started = Date.now();
  await send('Page.navigate', { url });
  let usable = false;
  while (!usable) {
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`${url} was not usable after ${GIVE_UP_MS / 1000} s`);
    await sleep(25);
    try {
      const { result } = await send('Runtime.evaluate', { expression: ready, returnByValue: true });
      usable = result.value === true;
    } catch {
      // The page is between documents; ask again.
    }
  }
  const seconds = (Date.now() - started) / 1000;
  await sleep(300); // let the last responses finish counting
  browser.listeners.splice(browser.listeners.indexOf(count), 1);
  await browser.send('Target.closeTarget', { targetId });
  return { seconds, bytes };
}

const browser = await launch();
try {
  for (const spec of process.argv.slice(2)) {
    const [label, url, ready, cookie] = spec.split('|');
    const { seconds, bytes } = await measure(browser, url, ready, cookie);
    console.log(
      `${label}: usable in ${seconds.toFixed(1)} s on emulated Fast 3G (${(bytes / 1024).toFixed(0)} KiB over the wire, empty cache)`,
    );
  }
} finally {
  await browser.close();
}
