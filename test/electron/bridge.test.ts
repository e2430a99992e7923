// The local bridge with the real store and service behind it, spoken to over real HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Meeting } from '../../native/common/api';
import { startBridgeApp, type BridgeApp } from '../../native/bridge/startBridgeApp';
import { corpusAudio, NO_CORPUS, tempDir } from '../helpers/fixtures';
import { callBridge, MEETING, valueOf, uploadToBridge } from '../app/appFixtures';

const audio = corpusAudio('m03_kotsu_chiibasu');
let app: BridgeApp;
let staticDir: string;
let dataDir: string;

before(async () => {
  dataDir = tempDir();
  staticDir = join(tempDir(), 'renderer');
  app = await startBridgeApp({ dataDir, staticDir });
});
after(async () => {
  await app.close();
});

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http rather than fetch: fetch may not set Host */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: app.bridge.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${app.bridge.token}` });

async function meetingWithAudio(): Promise<Meeting> {
  return valueOf(
    await callBridge<Meeting>(app.bridge.origin, app.bridge.token, 'createMeeting', [
      MEETING,
      await uploadToBridge(app.bridge.origin, app.bridge.token, audio ?? ''),
    ]),
  );
}

test('listens on 127.0.0.1 only, on a random port, with a long random token', async () => {
  assert.match(app.bridge.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(app.bridge.port > 1024);
  assert.ok(app.bridge.token.length >= 40);
  const other = await startBridgeApp({ dataDir: tempDir(), staticDir });
  try {
    assert.notEqual(other.bridge.token, app.bridge.token);
    assert.notEqual(other.bridge.port, app.bridge.port);
  } finally {
    await other.close();
  }
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal);
  if (external) {
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(app.bridge.port, external.address);
      s.on('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.on('error', () => resolve(true));
    });
    assert.ok(refused, `not reachable on ${external.address}`);
  }
});

test('no token, a wrong token or a token in the wrong place: refused', async () => {
  const body = '[]';
  assert.equal((await raw('/api/listJobs', { method: 'POST', body })).status, 401);
  assert.equal((await raw('/api/listJobs', { method: 'POST', body, headers: { Authorization: 'Bearer nope' } })).status, 401);
  assert.equal((await raw(`/api/listJobs?token=${app.bridge.token}`, { method: 'POST', body })).status, 401, 'API calls need the header');
  assert.equal(
    (await raw(`/api/listJobs`, { method: 'POST', body, headers: { Authorization: `Bearer ${app.bridge.token}x` } })).status,
    401,
  );
  assert.equal((await raw('/media/1')).status, 401);
  assert.equal((await raw('/media/1?token=wrong')).status, 401);
  assert.equal((await raw(`/media/1?token=${app.bridge.token}`)).status, 401, 'never a token in a URL');
  assert.equal((await raw('/upload?name=a.wav', { method: 'POST', body: 'x' })).status, 401);
  assert.equal(
    (await raw(`/upload?name=a.wav&token=${app.bridge.token}`, { method: 'POST', body: 'x' })).status,
    401,
    'uploads need the header',
  );
  const refused = await raw('/api/listJobs', { method: 'POST', body });
  const reply = JSON.parse(refused.body.toString()) as { ok: boolean; error: { code: string; text: { ja: string; en: string } } };
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'UNAUTHORIZED');
  assert.ok(reply.error.text.ja && reply.error.text.en);
  assert.equal((await raw('/api/listJobs', { method: 'POST', body, headers: auth() })).status, 200);
});

test('a foreign Host header is refused (DNS rebinding), even with the token', async () => {
  const port = app.bridge.port;
  for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `192.0.2.2:${port}`]) {
    const r = await raw('/api/listJobs', { method: 'POST', body: '[]', headers: { ...auth(), Host: host } });
    assert.equal(r.status, 403, host);
    assert.equal((await raw('/', { headers: { Host: host } })).status, 403, `page for ${host}`);
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
    assert.equal((await raw('/api/listJobs', { method: 'POST', body: '[]', headers: { ...auth(), Host: host } })).status, 200, host);
  }
});

test('API routes come from API_METHODS; bad calls get ja/en errors', async () => {
  const { origin, token } = app.bridge;
  assert.deepEqual(await callBridge(origin, token, 'listMeetings', ['']), { ok: true, value: [] });
  const unknown = await callBridge(origin, token, 'dropDatabase', []);
  assert.ok(!unknown.ok && unknown.error.code === 'UNKNOWN_METHOD');
  const bad = await callBridge(origin, token, 'getMeeting', ['一']);
  assert.ok(!bad.ok && bad.error.code === 'BAD_ARGUMENTS' && /入力内容/.test(bad.error.text.ja) && /Invalid input/.test(bad.error.text.en));
  const notArray = await raw('/api/listJobs', { method: 'POST', body: '{"a":1}', headers: auth() });
  assert.equal(notArray.status, 400);
  const notJson = await raw('/api/listJobs', { method: 'POST', body: '[1,', headers: auth() });
  assert.equal(notJson.status, 400);
  assert.equal((await raw('/api/listJobs', { headers: auth() })).status, 405);
  const huge = await raw('/api/listMeetings', { method: 'POST', body: JSON.stringify(['x'.repeat(5_000_000)]), headers: auth() });
  assert.equal(huge.status, 400);
});

test(
  'media: Range requests get 206 with exactly the requested bytes; bad ranges get 416',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    const meeting = await meetingWithAudio();
    const file = readFileSync(audio ?? '');
    const url = valueOf(await callBridge<string>(app.bridge.origin, app.bridge.token, 'mediaUrl', [meeting.id]));
    assert.equal(url, `${app.bridge.origin}/media/${meeting.id}`, 'no token in the URL: a cookie or a header carries it');
    const path = url.slice(app.bridge.origin.length);
    const get = (p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawReply> =>
      raw(p, { method, headers: { ...auth(), ...headers } });

    const whole = await get(path);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['accept-ranges'], 'bytes');
    assert.equal(whole.headers['content-type'], 'audio/flac');
    assert.ok(whole.body.equals(file));

    const size = file.length;
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 0],
      ['bytes=100-199', 100, 199],
      ['bytes=1000-', 1000, size - 1],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
      [`bytes=0-${size - 1}`, 0, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const r = await get(path, { Range: range });
      assert.equal(r.status, 206, range);
      assert.equal(r.headers['content-range'], `bytes ${start}-${end}/${size}`, range);
      assert.equal(r.headers['content-length'], String(end - start + 1), range);
      assert.equal(r.headers['accept-ranges'], 'bytes');
      assert.ok(r.body.equals(file.subarray(start, end + 1)), `${range}: body`);
    }
    // the bearer header works for media too
    const withHeader = await raw(`/media/${meeting.id}`, { headers: { ...auth(), Range: 'bytes=10-19' } });
    assert.ok(withHeader.status === 206 && withHeader.body.equals(file.subarray(10, 20)));

    for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, 'bytes=500-100', 'bytes=abc', 'bytes=-0', 'bytes=-']) {
      const r = await get(path, { Range: range });
      assert.equal(r.status, 416, range);
      assert.equal(r.headers['content-range'], `bytes */${size}`, range);
    }
    const head = await get(path, { Range: 'bytes=0-99' }, 'HEAD');
    assert.equal(head.status, 206);
    assert.equal(head.body.length, 0);
    assert.equal((await get('/media/999999')).status, 404);
    assert.equal((await get('/media/abc')).status, 404);
  },
);

test(
  'upload: the body is saved under <dataDir>/media with its Japanese name, never overwriting, and can be imported',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    const file = readFileSync(audio ?? '');
    const name = '令和6年 第2回定例会（本会議）.flac';
    const post = async (n: string, body: Buffer): Promise<{ ok: boolean; value?: string; error?: { code: string } }> => {
      const r = await raw(`/upload?name=${encodeURIComponent(n)}`, { method: 'POST', body, headers: auth() });
      return JSON.parse(r.body.toString()) as { ok: boolean; value?: string };
    };
    const first = await post(name, file);
    assert.ok(first.ok && first.value);
    assert.equal(first.value, join(dataDir, 'media', name));
    assert.ok(readFileSync(first.value).equals(file));
    const second = await post(name, Buffer.from('second'));
    assert.equal(second.value, join(dataDir, 'media', '令和6年 第2回定例会（本会議） (2).flac'));
    assert.ok(readFileSync(first.value).equals(file), 'the first upload is untouched');

    const sneaky = await post('../../../etc/会議.wav', Buffer.from('x'));
    assert.equal(sneaky.value, join(dataDir, 'media', '会議.wav'));
    const odd = await post('a<b>:c|d?.wav', Buffer.from('x'));
    assert.equal(basename(odd.value ?? ''), 'a_b__c_d_.wav');
    assert.equal(dirname(odd.value ?? ''), join(dataDir, 'media'));
    const noName = await raw('/upload', { method: 'POST', body: 'x', headers: auth() });
    assert.equal(noName.status, 400);

    const meeting = valueOf(await callBridge<Meeting>(app.bridge.origin, app.bridge.token, 'createMeeting', [MEETING, first.value]));
    assert.equal(meeting.media?.path, first.value);
    assert.ok(Math.abs((meeting.media?.durationS ?? 0) - 90.83) < 0.1);
  },
);

test('static files: a Japanese "not built" page until dist/renderer exists, then the files, with a strict CSP', async () => {
  const notBuilt = await raw('/');
  assert.equal(notBuilt.status, 200);
  assert.match(notBuilt.body.toString(), /まだビルドされていません/);
  const csp = String(notBuilt.headers['content-security-policy']);
  for (const part of ["default-src 'self'", "media-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'"]) {
    assert.ok(csp.includes(part), `${part} in ${csp}`);
  }
  assert.ok(!/https?:|\*|unsafe-eval|unsafe-inline/.test(csp), 'nothing remote, no inline script or eval');

  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>議事録</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("議事録");');
  writeFileSync(join(dirname(staticDir), 'secret.txt'), 'secret');
  const page = await raw('/?token=abc');
  assert.equal(page.status, 200);
  assert.match(page.body.toString(), /assets\/app\.js/);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.ok(String(page.headers['content-security-policy']).includes("default-src 'self'"));
  const js = await raw('/assets/app.js');
  assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(js.body.toString(), 'console.log("議事録");');
  assert.match((await raw('/meetings/3')).body.toString(), /assets\/app\.js/, 'client routes get index.html');
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/missing.js']) {
    const r = await raw(p);
    assert.ok(!r.body.toString().includes('secret'), p);
    assert.notEqual(r.status, 500, p);
  }
  assert.equal((await raw('/assets/missing.js')).status, 404);
  assert.equal((await raw('/', { method: 'DELETE' })).status, 405);
});
