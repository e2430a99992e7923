// Issue 13, "the API reads any file the clerk can read": importTerms/importRoster quoted the first
// lines of any file (/etc/passwd came back), /media/<id> streamed whatever the meeting's path named at
// request time through links, a FIFO or /dev/zero blocked the process, any ggml-looking file reached
// whisper.cpp's loader, and Windows UNC paths, devices and streams were accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ApiReply, Meeting } from '../../native/common/api';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { refusedWindowsPath } from '../../native/files/windowsPaths';
import { startBridgeApp, type BridgeApp } from '../../native/bridge/startBridgeApp';
import { corpusAudio, NO_CORPUS, tempDir, testModel } from '../helpers/fixtures';
import { MEETING, uploadToBridge } from '../app/appFixtures';

const audio = corpusAudio('m03_kotsu_chiibasu');

async function withApp(run: (app: BridgeApp, dataDir: string) => Promise<void>, env?: NodeJS.ProcessEnv): Promise<void> {
  const dataDir = tempDir();
  const saved = { ...process.env };
  Object.assign(process.env, env ?? {});
  const app = await startBridgeApp({ dataDir, staticDir: tempDir() });
  try {
    await run(app, dataDir);
  } finally {
    await app.close();
    process.env = saved;
  }
}

async function call<T>(app: BridgeApp, method: string, ...args: unknown[]): Promise<ApiReply<T>> {
  const res = await fetch(`${app.bridge.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.bridge.token}` },
    body: JSON.stringify(args),
  });
  return (await res.json()) as ApiReply<T>;
}

test('a path from the page outside the data folder is refused, and no message quotes a file that is not a term list', async () => {
  await withApp(async (app, dataDir) => {
    for (const [method, args] of [
      ['importTerms', ['/etc/passwd', 'merge']],
      ['importModel', ['/etc/passwd']],
      ['createMeeting', [MEETING, '/etc/passwd']],
      ['importTerms', [join(dataDir, '..', 'x.tsv'), 'merge']],
    ] as const) {
      const r = await call(app, method, ...args);
      assert.ok(!r.ok && r.error.code === 'INPUT_NOT_ALLOWED', `${method}: ${JSON.stringify(r)}`);
      assert.doesNotMatch(r.error.text.ja + r.error.text.en, /root:/);
    }
    const link = join(dataDir, 'media');
    mkdirSync(link, { recursive: true });
    symlinkSync('/etc/passwd', join(link, 'passwd.tsv'));
    const viaLink = await call(app, 'importTerms', join(link, 'passwd.tsv'), 'merge');
    assert.ok(!viaLink.ok && viaLink.error.code === 'INPUT_NOT_ALLOWED', 'a link in the data folder does not lead out');

    // the clerk picked the wrong file (here uploaded): refused without a word of its content
    const wrong = await uploadToBridge(app.bridge.origin, app.bridge.token, '/etc/passwd');
    const r = await call(app, 'importTerms', wrong, 'merge');
    assert.ok(!r.ok && r.error.code === 'BAD_ARGUMENTS');
    assert.match(r.error.text.ja, /用語辞書のファイルとして読めない/);
    assert.doesNotMatch(r.error.text.ja + r.error.text.en, /root|daemon|bin\/|nologin/);
    const roster = await uploadToBridge(app.bridge.origin, app.bridge.token, '/etc/group');
    const seeded = app.service.grantFile(audio ?? '/etc/hostname');
    const meeting = await call<Meeting>(app, 'createMeeting', MEETING, seeded);
    if (meeting.ok) {
      const rr = await call(app, 'importRoster', meeting.value.id, roster);
      assert.ok(!rr.ok && !/root|daemon/.test(rr.error.text.ja + rr.error.text.en), JSON.stringify(rr));
    }
  });
});

test('term and roster files: only plain files under a size cap; a FIFO or /dev/zero no longer blocks the app', async () => {
  await withApp(async (app, dataDir) => {
    const fifo = join(dataDir, 'media', 'pipe.tsv');
    mkdirSync(join(dataDir, 'media'), { recursive: true });
    spawnSync('mkfifo', [fifo]);
    const t0 = Date.now();
    const viaFifo = await call(app, 'importTerms', fifo, 'merge');
    assert.ok(!viaFifo.ok && viaFifo.error.code === 'INPUT_NOT_ALLOWED', JSON.stringify(viaFifo));
    const zero = await dispatchApiCall(app.service, 'importTerms', [app.service.grantFile('/dev/zero'), 'merge']);
    assert.ok(!zero.ok && zero.error.code === 'INPUT_NOT_ALLOWED', JSON.stringify(zero));
    assert.ok(Date.now() - t0 < 2000, 'answered at once');
    const big = join(dataDir, 'media', 'big.tsv');
    writeFileSync(big, `表記\tよみ\t種別\n${'港区\tみなとく\t地名\n'.repeat(600_000)}`);
    const tooBig = await call(app, 'importTerms', big, 'merge');
    assert.ok(!tooBig.ok && tooBig.error.code === 'INPUT_TOO_LARGE', JSON.stringify(tooBig).slice(0, 200));
    assert.deepEqual((await call(app, 'listJobs')).ok, true, 'the API still answers');
  });
});

test(
  'a picked recording is copied into the data folder; a media file swapped for a link is not served',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    await withApp(async (app, dataDir) => {
      const outside = join(tempDir(), '本会議.flac');
      copyFileSync(audio ?? '', outside);
      const meeting = await call<Meeting>(app, 'createMeeting', MEETING, app.service.grantFile(outside));
      assert.ok(meeting.ok, JSON.stringify(meeting));
      const copy = meeting.value.media?.path ?? '';
      assert.ok(copy.startsWith(join(dataDir, 'media')), `copied in: ${copy}`);
      assert.ok(readFileSync(copy).equals(readFileSync(audio ?? '')));
      const again = await call(app, 'createMeeting', MEETING, app.service.grantFile(outside).replace(/.$/, 'x'));
      assert.ok(!again.ok && again.error.code === 'INPUT_NOT_ALLOWED', 'a handle that main did not issue is refused');

      const secret = join(tempDir(), 'secret.flac');
      writeFileSync(secret, 'a private file of the clerk');
      renameSync(copy, `${copy}.old`);
      symlinkSync(secret, copy);
      const media = await fetch(`${app.bridge.origin}/media/${meeting.value.id}`, {
        headers: { Authorization: `Bearer ${app.bridge.token}` },
      });
      assert.equal(media.status, 404);
      assert.doesNotMatch(await media.text(), /private/);
      rmSync(copy);
      renameSync(`${copy}.old`, copy);
      const back = await fetch(`${app.bridge.origin}/media/${meeting.value.id}`, {
        headers: { Authorization: `Bearer ${app.bridge.token}`, Range: 'bytes=0-3' },
      });
      assert.equal(back.status, 206);
    });
  },
);

test(
  'models: only from the model folders, and only with a manifest sha256 unless an administrator allows others',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    const modelsDir = join(tempDir(), 'models');
    mkdirSync(modelsDir);
    const real = testModel();
    await withApp(
      async (app, dataDir) => {
        const meeting = await call<Meeting>(app, 'createMeeting', MEETING, app.service.grantFile(audio ?? ''));
        assert.ok(meeting.ok);
        // any file with a ggml header, from a path the page names
        const fake = join(dataDir, 'media', 'ggml-evil.bin');
        writeFileSync(fake, Buffer.concat([Buffer.from('lmgg', 'latin1'), Buffer.alloc(2_000_000, 7)]));
        const outside = await call(app, 'startTranscription', meeting.value.id, fake);
        assert.ok(!outside.ok && outside.error.code === 'MODEL_INVALID', JSON.stringify(outside));
        if (real) {
          const renamed = join(modelsDir, 'ggml-site-tuned.bin');
          copyFileSync(real, renamed);
          const fd = openSync(renamed, 'r+');
          writeSync(fd, Buffer.from([1]), 0, 1, 60_000_000); // a site's own variant: the digest no longer matches
          closeSync(fd);
          const unlisted = await call(app, 'startTranscription', meeting.value.id, renamed);
          assert.ok(
            !unlisted.ok && unlisted.error.code === 'MODEL_INVALID' && /manifest/.test(unlisted.error.text.en),
            JSON.stringify(unlisted),
          );
          assert.deepEqual(await call<unknown[]>(app, 'listJobs'), { ok: true, value: [] }, 'no job was made');
          const imported = await dispatchApiCall(app.service, 'importModel', [app.service.grantFile(renamed)]);
          assert.ok(
            !imported.ok && imported.error.code === 'MODEL_INVALID' && /manifest/.test(imported.error.text.en),
            'nor imported at first run',
          );
        }
      },
      { GIJIROKU_MODELS_DIR: modelsDir },
    );
    if (!real) return;
    await withApp(
      async (app) => {
        const meeting = await call<Meeting>(app, 'createMeeting', MEETING, app.service.grantFile(audio ?? ''));
        assert.ok(meeting.ok);
        const allowed = await call<{ id: number }>(app, 'startTranscription', meeting.value.id, join(modelsDir, 'ggml-site-tuned.bin'));
        assert.ok(allowed.ok, `an administrator allowed it: ${JSON.stringify(allowed)}`);
        await call(app, 'cancelJob', allowed.value.id);
      },
      { GIJIROKU_MODELS_DIR: modelsDir, GIJIROKU_ALLOW_UNLISTED_MODELS: '1' },
    );
  },
);

test('Windows: UNC shares, device names and alternate data streams are refused as file paths', () => {
  for (const p of [
    '\\\\server\\share\\会議.mp3',
    '//server/share/x.wav',
    '\\\\.\\PhysicalDrive0',
    '\\\\?\\C:\\x.wav',
    'C:\\Users\\giin\\CON',
    'C:\\x\\nul.txt',
    'C:\\x\\com1',
    'C:\\議事録\\用語.tsv:hidden',
    'C:\\a.txt:stream:$DATA',
  ]) {
    assert.ok(refusedWindowsPath(p, 'win32'), p);
  }
  for (const p of ['C:\\Users\\giin\\Documents\\本会議.mp3', 'D:\\録音\\console.wav', 'C:\\x\\common.tsv']) {
    assert.equal(refusedWindowsPath(p, 'win32'), null, p);
  }
  assert.equal(refusedWindowsPath('/home/giin/a:b.wav', 'linux'), null);
});
