// Issue 13, "the bridge token is in a process's arguments": main opened http://127.0.0.1:PORT/?token=…
// through xdg-open, so any local account read it from /proc/PID/cmdline, and the token stayed in the
// address bar, was taken from ?token= on /upload and /media, and the 500 handler logged the query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/fixtures';
import { FIRST_LINE, LAUNCH_LINE, launchUrl, redeemLaunchFile } from '../helpers/launchSession';
import { chromium } from 'playwright-core';
import { startBridgeApp } from '../../native/bridge/startBridgeApp';

/** `npm start` (no --headless) with a stand-in xdg-open that records the command line it was given */
async function startWithBrowser(dataDir: string, bin: string): Promise<{ stdout: string; stderr: () => string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    env: { ...process.env, GIJIROKU_DATA_DIR: dataDir, PATH: `${bin}:${process.env['PATH'] ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`start.mjs exited ${code}: ${stderr}`)));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.split('\n').length > 2) resolve();
    });
  });
  return {
    stdout,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

test('npm start opens a launch file: no process argument, no address and no log line holds the token; another account cannot read the file', async () => {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const seen = join(dir, 'xdg-open-argv.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${seen}'\ncat /proc/$$/cmdline >> '${seen}'\n`, {
    mode: 0o755,
  });
  const app = await startWithBrowser(join(dir, 'data'), bin);
  try {
    const [first = '', second = ''] = app.stdout.split('\n');
    assert.match(first, FIRST_LINE, 'the address, without a token');
    const launchFile = LAUNCH_LINE.exec(second)?.[1] ?? '';
    for (let i = 0; i < 50 && !existsSync(seen); i++) await new Promise((r) => setTimeout(r, 100));
    const argv = readFileSync(seen, 'utf8');
    assert.ok(argv.includes(launchFile), `the browser was given the launch file: ${argv}`);
    assert.equal(statSync(launchFile).mode & 0o777, 0o600, 'only the user can read the launch file');
    const other = spawnSync('runuser', ['-u', 'nobody', '--', 'cat', launchFile], { encoding: 'utf8' });
    assert.notEqual(other.status, 0, 'another local account cannot read the launch file');
    assert.doesNotMatch(other.stdout, /code=/);

    const address = launchUrl(launchFile);
    const token = await redeemLaunchFile(launchFile);
    assert.ok(
      !argv.includes(token) && !argv.includes(address.split('code=')[1]!),
      "neither the token nor the code is in the opener's arguments",
    );
    assert.ok(!app.stdout.includes(token) && !app.stderr().includes(token), 'the token is printed nowhere');
    assert.ok(!existsSync(launchFile), 'the launch file is removed once used');
    const again = await fetch(address, { redirect: 'manual' });
    assert.equal(again.status, 401, 'a used code opens nothing: the address left in history is worthless');

    // a request whose URL cannot be parsed is answered 500 and logged without its query
    const origin = FIRST_LINE.exec(first)![1]!;
    const port = Number(new URL(origin).port);
    await new Promise<void>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => s.end(`GET //[bad?token=${token}&secret=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
      s.on('data', () => undefined);
      s.on('close', () => resolve());
      s.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.match(app.stderr(), /GET \/\/\[bad failed/, 'the failure is logged');
    assert.ok(!app.stderr().includes(token) && !app.stderr().includes('secret='), `no query in the log: ${app.stderr()}`);
  } finally {
    await app.stop();
  }
});

test('the session cookie is HttpOnly and SameSite=Strict, and is refused on requests another page made', async () => {
  const app = await startBridgeApp({ dataDir: tempDir(), staticDir: tempDir() });
  try {
    const { origin, token } = app.bridge;
    const opened = await fetch(`${origin}/open?code=${app.bridge.launch.issue()}`, { redirect: 'manual' });
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.get('location'), '/', 'the code leaves the address bar');
    const cookie = opened.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    const call = (headers: Record<string, string>): Promise<number> =>
      fetch(`${origin}/api/listJobs`, { method: 'POST', body: '[]', headers: { Cookie: session, ...headers } }).then((r) => r.status);
    assert.equal(await call({ Origin: origin, 'Sec-Fetch-Site': 'same-origin' }), 200, 'our own page');
    // another account's server on 127.0.0.1 is "same site" to the browser, so SameSite alone would let this through
    assert.equal(await call({ Origin: 'http://127.0.0.1:1', 'Sec-Fetch-Site': 'same-site' }), 401);
    assert.equal(await call({ 'Sec-Fetch-Site': 'cross-site' }), 401);
    assert.equal(await call({}), 401, 'a cookie POST must say it comes from our origin');
    const media = await fetch(`${origin}/media/1`, { headers: { Cookie: session, 'Sec-Fetch-Site': 'same-site' } });
    assert.equal(media.status, 401, 'an <audio> on another local site cannot play a meeting');
    assert.equal((await fetch(`${origin}/upload?name=a.wav&token=${token}`, { method: 'POST', body: 'x' })).status, 401);
  } finally {
    await app.close();
  }
});

test(
  'a browser opening the launch file lands on the bare address, signed in, and the file is gone',
  { skip: existsSync('/usr/bin/chromium') ? false : 'no /usr/bin/chromium' },
  async () => {
    const dataDir = tempDir();
    const app = await startBridgeApp({ dataDir, staticDir: join(ROOT, 'dist', 'renderer') });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const file = app.bridge.launch.writeLaunchFile(dataDir);
      const page = await browser.newPage();
      await page.goto(`file://${file}`);
      await page.waitForURL(`${app.bridge.origin}/`, { timeout: 10_000 });
      assert.equal(page.url(), `${app.bridge.origin}/`, 'no code and no token in the address bar');
      assert.ok(!existsSync(file));
      const status = await page.evaluate(
        `fetch('./api/listMeetings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[""]' }).then((r) => r.status)`,
      );
      assert.equal(status, 200, 'the page is signed in by its cookie');
      assert.equal(await page.evaluate('document.cookie'), '', 'the page script cannot read the session');
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
