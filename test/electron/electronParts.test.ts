// The Electron-side pieces that run without the Electron binary: window
// options, network policy, the app protocol's answers, the preload, the IPC table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { API_METHODS } from '../../native/common/api';
import { createApiService } from '../../native/app/createApiService';
import { openStore } from '../../native/store/openStore';
import { apiHandlers } from '../../electron/apiIpc';
import { pickFileHandler } from '../../electron/filePicker';
import { appDataDir, databasePath } from '../../native/app/dataDir';
import { requestAllowed } from '../../electron/networkPolicy';
import { answerAppRequest, appMediaUrl } from '../../native/serving/appRequest';
import { mediaContentType, parseRange } from '../../native/serving/mediaRange';
import { safeUploadName } from '../../native/files/uploadName';
import { windowOptions } from '../../electron/windowOptions';
import { corpusAudio, NO_CORPUS, ROOT, tempDir } from '../helpers/fixtures';
import { MEETING } from '../app/appFixtures';

const audio = corpusAudio('m03_kotsu_chiibasu');

test('window options: isolated, sandboxed, no Node in the page, web security on, no spell checker', () => {
  const o = windowOptions('/app/preload.js');
  const w = o.webPreferences ?? {};
  assert.equal(w.contextIsolation, true);
  assert.equal(w.sandbox, true);
  assert.equal(w.nodeIntegration, false);
  assert.equal(w.nodeIntegrationInWorker, false);
  assert.equal(w.nodeIntegrationInSubFrames, false);
  assert.equal(w.webSecurity, true);
  assert.equal(w.allowRunningInsecureContent, false);
  assert.equal(w.webviewTag, false);
  assert.equal(w.spellcheck, false);
  assert.equal(w.devTools, false);
  assert.equal(w.preload, '/app/preload.js');
  assert.equal(windowOptions('/p.js', { devTools: true }).webPreferences?.devTools, true);
});

test('network policy: only the app origin and files of the built page', () => {
  const staticDir = join(tempDir(), 'renderer');
  for (const url of [
    'gijiroku://app/index.html',
    'gijiroku://app/media/3',
    'devtools://devtools/bundled/x.html',
    'data:image/png;base64,AAAA',
    'blob:gijiroku://app/123',
    pathToFileURL(join(staticDir, 'index.html')).href,
  ]) {
    assert.equal(requestAllowed(url, staticDir), true, url);
  }
  for (const url of [
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'http://localhost/',
    'ws://127.0.0.1/',
    'wss://x/',
    'ftp://x/',
    'gijiroku://evil/',
    'file:///etc/passwd',
    pathToFileURL(join(staticDir, '..', 'x.html')).href,
    'chrome-extension://abc/x.js',
    'not a url',
    '',
  ]) {
    assert.equal(requestAllowed(url, staticDir), false, url);
  }
});

test('Range parsing and media types', () => {
  assert.equal(parseRange(undefined, 100), null);
  assert.equal(parseRange('items=0-1', 100), null, 'other units: whole file');
  assert.equal(parseRange('bytes=0-1,5-6', 100), null, 'multi-range: whole file');
  assert.deepEqual(parseRange('bytes=0-9', 100), { start: 0, end: 9 });
  assert.deepEqual(parseRange('bytes=90-', 100), { start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=-10', 100), { start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=-1000', 100), { start: 0, end: 99 });
  assert.deepEqual(parseRange('bytes=95-200', 100), { start: 95, end: 99 });
  for (const bad of ['bytes=100-', 'bytes=5-4', 'bytes=-0', 'bytes=x-1', 'bytes=-', 'bytes='])
    assert.equal(parseRange(bad, 100), 'unsatisfiable', bad);
  assert.equal(parseRange('bytes=0-', 0), 'unsatisfiable');
  const types: Record<string, string> = {
    'a.wav': 'audio/wav',
    'a.MP3': 'audio/mpeg',
    'a.m4a': 'audio/mp4',
    'a.aac': 'audio/aac',
    'a.ogg': 'audio/ogg',
    'a.opus': 'audio/ogg',
    'a.flac': 'audio/flac',
    'a.mp4': 'video/mp4',
    'a.webm': 'video/webm',
    'a.xyz': 'application/octet-stream',
  };
  for (const [name, type] of Object.entries(types)) assert.equal(mediaContentType(`/録音/${name}`), type, name);
});

test('upload names keep Japanese and become safe on Windows and Linux', () => {
  assert.equal(safeUploadName('本会議 録音.m4a'), '本会議 録音.m4a');
  assert.equal(safeUploadName('C:\\Users\\giin\\録音.wav'), '録音.wav');
  assert.equal(safeUploadName('../../x.wav'), 'x.wav');
  assert.equal(safeUploadName('CON.wav'), 'recording_CON.wav');
  assert.equal(safeUploadName('...'), 'recording');
  assert.equal(safeUploadName('a\u0000b\nc.wav'), 'a_b_c.wav');
  const long = safeUploadName(`${'議'.repeat(200)}.flac`);
  assert.ok(Buffer.byteLength(long) <= 200 && long.endsWith('.flac') && long.startsWith('議'));
});

test('data folder: GIJIROKU_DATA_DIR, %APPDATA%\\Gijiroku, ~/.local/share/gijiroku', () => {
  assert.equal(appDataDir({ GIJIROKU_DATA_DIR: '/tmp/g' }, 'linux'), '/tmp/g');
  assert.equal(appDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32'), join('C:/Users/a/AppData/Roaming', 'Gijiroku'));
  assert.equal(appDataDir({ XDG_DATA_HOME: '/x/share' }, 'linux'), '/x/share/gijiroku');
  assert.match(appDataDir({}, 'linux'), /\.local\/share\/gijiroku$/);
  assert.equal(databasePath('/d'), join('/d', 'gijiroku.sqlite'));
});

test(
  'app protocol: the page with the CSP, and media with Range (one implementation with the bridge)',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    const dataDir = tempDir();
    const staticDir = join(tempDir(), 'renderer');
    const store = openStore(join(dataDir, 'gijiroku.sqlite'));
    const service = createApiService({ store, dataDir, mediaUrl: appMediaUrl });
    try {
      const ask = (url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> =>
        answerAppRequest(new Request(url, { headers, method }), { service, staticDir });
      const page = await ask('gijiroku://app/index.html');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /まだビルドされていません/);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);

      const meeting = await service.createMeeting(MEETING, service.grantFile(audio ?? ''));
      assert.equal(await service.mediaUrl(meeting.id), `gijiroku://app/media/${meeting.id}`);
      const file = readFileSync(audio ?? '');
      const part = await ask(`gijiroku://app/media/${meeting.id}`, { Range: 'bytes=4096-8191' });
      assert.equal(part.status, 206);
      assert.equal(part.headers.get('content-range'), `bytes 4096-8191/${file.length}`);
      assert.equal(part.headers.get('content-type'), 'audio/flac');
      assert.ok(Buffer.from(await part.arrayBuffer()).equals(file.subarray(4096, 8192)));
      const whole = await ask(`gijiroku://app/media/${meeting.id}`);
      assert.equal(whole.status, 200);
      assert.ok(Buffer.from(await whole.arrayBuffer()).equals(file));
      assert.equal((await ask(`gijiroku://app/media/${meeting.id}`, { Range: `bytes=${file.length}-` })).status, 416);
      assert.equal((await ask('gijiroku://app/media/424242')).status, 404);
      assert.equal((await ask('gijiroku://other/index.html')).status, 404);
      assert.equal((await ask('gijiroku://app/index.html', {}, 'POST')).status, 405);
    } finally {
      await service.close();
      store.close();
    }
  },
);

test('IPC: a handler for every method, on the same service, refusing any page but the app', async () => {
  const dataDir = tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir, mediaUrl: appMediaUrl });
  try {
    const handlers = apiHandlers(service);
    assert.deepEqual(Object.keys(handlers).sort(), [...API_METHODS].sort());
    type Ev = Parameters<(typeof handlers)['listJobs']>[0];
    const from = (url: string): Ev => ({ senderFrame: { url } }) as unknown as Ev;
    assert.deepEqual(await handlers.listJobs(from('gijiroku://app/index.html')), { ok: true, value: [] });
    const evil = await handlers.listJobs(from('https://evil.example/'));
    assert.ok(!evil.ok && evil.error.code === 'FORBIDDEN');
    const bad = await handlers.getMeeting(from('gijiroku://app/index.html'), 'x');
    assert.ok(!bad.ok && bad.error.code === 'BAD_ARGUMENTS');
  } finally {
    await service.close();
    store.close();
  }
});

test('preload: requires only electron, exposes one object with every API method, unwraps replies', async () => {
  const source = readFileSync(join(ROOT, 'dist', 'electron', 'preload.js'), 'utf8');
  const required = [...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(required)], ['electron'], 'a sandboxed preload can require nothing else');

  const exposed: Record<string, Record<string, unknown>> = {};
  const calls: unknown[][] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, value: Record<string, unknown>) => {
        exposed[name] = value;
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        calls.push([channel, ...args]);
        return args[0] === 404
          ? { ok: false, error: { code: 'BAD_ARGUMENTS', text: { ja: 'ない', en: 'missing' } } }
          : { ok: true, value: { channel, args } };
      },
    },
  };
  // as Electron's sandboxed preload wrapper runs it: (function (require, process, exports, module, …) { … })
  const wrapped = runInNewContext(`(function (require, exports, module) {\n${source}\n})`, {}) as (
    r: (n: string) => unknown,
    e: object,
    m: object,
  ) => void;
  const exportsObject = {};
  wrapped(
    (n) => {
      if (n !== 'electron') throw new Error(`cannot require ${n}`);
      return electron;
    },
    exportsObject,
    { exports: exportsObject },
  );

  assert.deepEqual(Object.keys(exposed), ['gijiroku'], 'exactly one object');
  const api = exposed['gijiroku'] ?? {};
  assert.deepEqual(Object.keys(api).sort(), [...API_METHODS, 'pickFile'].sort(), 'no way to hand main a path');
  const getMeeting = api['getMeeting'] as (id: number) => Promise<unknown>;
  assert.deepEqual(await getMeeting(7), { channel: 'gijiroku:getMeeting', args: [7] });
  await assert.rejects(getMeeting(404), (e: { code: string; text: { ja: string } }) => e.code === 'BAD_ARGUMENTS' && e.text.ja === 'ない');
  const recordListened = api['recordListened'] as (...a: number[]) => Promise<unknown>;
  await recordListened(1, 2, 3);
  assert.deepEqual(calls.at(-1), ['gijiroku:recordListened', 1, 2, 3]);
  const pickFile = api['pickFile'] as (kind: string) => Promise<unknown>;
  await pickFile('media');
  assert.deepEqual(calls.at(-1), ['gijiroku-desktop:pickFile', 'media']);
});

test(
  'file dialog: main runs it and hands the page a one-time handle, never a path; other pages get nothing',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    const dataDir = tempDir();
    const store = openStore(join(dataDir, 'gijiroku.sqlite'));
    const service = createApiService({ store, dataDir, mediaUrl: appMediaUrl });
    try {
      const asked: unknown[] = [];
      let answer = { canceled: false, filePaths: [audio ?? ''] };
      const handler = pickFileHandler(service, async (options) => {
        asked.push(options.filters?.[0]?.extensions);
        return answer;
      });
      type Ev = Parameters<typeof handler>[0];
      const from = (url: string): Ev => ({ senderFrame: { url } }) as unknown as Ev;
      const picked = await handler(from('gijiroku://app/index.html'), 'media');
      assert.ok(picked && /^picked:[\w-]{32}$/.test(picked.handle) && picked.name === 'audio.flac', JSON.stringify(picked));
      assert.ok(!JSON.stringify(picked).includes('/'), 'no path reaches the page');
      assert.ok((asked[0] as string[]).includes('flac'));
      const meeting = await service.createMeeting(MEETING, picked!.handle);
      assert.ok(meeting.media?.path.startsWith(join(dataDir, 'media')), 'the picked file is copied in');
      await assert.rejects(
        service.createMeeting(MEETING, picked!.handle),
        (e: { code: string }) => e.code === 'INPUT_NOT_ALLOWED',
        'used once',
      );
      assert.equal(await handler(from('https://evil.example/'), 'media'), null);
      assert.equal(await handler(from('gijiroku://app/index.html'), 'anything'), null);
      answer = { canceled: true, filePaths: [] };
      assert.equal(await handler(from('gijiroku://app/index.html'), 'terms'), null);
    } finally {
      await service.close();
      store.close();
    }
  },
);
