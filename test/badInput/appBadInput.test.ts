// Bad input at the app's level, beyond the engine's own suite (test/engine/badInput.test.ts) and what
// test/app covers (bad dictionary rows by line, moved media and relinkMedia): a database from a newer
// version at start-up, dictionary files that are not dictionaries at all, and a 10-hour recording.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiService } from '../../native/app/createApiService';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { openStore } from '../../native/store/openStore';
import { LATEST_VERSION } from '../../native/store/migrations/index';
import { databasePath } from '../../native/app/dataDir';
import { CLI, makeMedia, NO_MODEL, ROOT, tempDir, testModel } from '../helpers/fixtures';
import { MEETING } from '../app/appFixtures';

const model = testModel();
const digest = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

test('start-up on a database from a newer version: exits with a ja/en message, the file untouched', async () => {
  const dataDir = tempDir();
  const store = openStore(databasePath(dataDir));
  store.close();
  const db = new Database(databasePath(dataDir));
  db.pragma(`user_version = ${LATEST_VERSION + 3}`);
  db.close();
  const before = { hash: digest(databasePath(dataDir)), files: readdirSync(dataDir).sort() };
  const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--headless'], {
      env: { ...process.env, GIJIROKU_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) => resolve({ code, out }));
  });
  assert.notEqual(r.code, 0);
  assert.doesNotMatch(r.out, /^Gijiroku: http/m, 'no URL: the app did not start on it');
  assert.match(r.out, /新しいバージョン/);
  assert.match(r.out, /newer version/);
  assert.doesNotMatch(r.out, /\n\s+at .*:\d+:\d+/, 'no stack trace');
  assert.deepEqual({ hash: digest(databasePath(dataDir)), files: readdirSync(dataDir).sort() }, before);
});

test('importTerms with files that are no dictionary (empty, binary, a header only): refused, nothing imported', async () => {
  const dataDir = tempDir();
  const store = openStore(databasePath(dataDir));
  const service = createApiService({ store, dataDir, mediaUrl: () => '' });
  try {
    await service.saveTerm({ surface: '港区', reading: 'みなとく', kind: '地名', misrecognitions: [], enabled: true, note: '' });
    const before = await service.listTerms();
    const files: Record<string, Buffer | string> = {
      'empty.tsv': '',
      'photo.csv': Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
      'header only.tsv': '表記\tよみ\t種別\n',
      'one column.csv': '港南\n芝浦\n',
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(dataDir, name), bytes);
      const r = await dispatchApiCall(service, 'importTerms', [join(dataDir, name), 'replace']);
      if (r.ok) {
        // a header-only file is an empty dictionary: with "replace" that would wipe the council's terms
        assert.fail(`${name}: accepted (${JSON.stringify(r.value)})`);
      }
      assert.ok(r.error.text.ja.length > 0 && r.error.text.en.length > 0, name);
      assert.notEqual(r.error.code, 'INTERNAL', `${name}: ${r.error.text.en}`);
      assert.deepEqual(await service.listTerms(), before, `${name}: nothing changed`);
    }
  } finally {
    await service.close();
    store.close();
  }
});

/** Total RSS (kB) of every process in a process group: the CLI, ffmpeg, whisper-cli. */
function groupRssKb(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* the process ended */
    }
  }
  return total;
}

test(
  'a 10-hour recording: imported from its header at once; transcription streams it with bounded memory',
  { skip: model ? false : NO_MODEL },
  async () => {
    const dir = tempDir();
    // 600 copies of one minute of opus, stream-copied: a real 10 h file in ~5 s (encoding 10 h takes minutes)
    const minute = join(dir, '1min.opus');
    makeMedia(['-f', 'lavfi', '-i', 'sine=f=300:r=8000', '-t', '60', '-c:a', 'libopus', '-b:a', '6k', minute]);
    const list = join(dir, 'list.txt');
    writeFileSync(list, `file '${minute}'\n`.repeat(600));
    const long = join(dir, '10時間の会議.opus');
    makeMedia(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', long]);

    const dataDir = join(dir, 'data');
    const store = openStore(databasePath(dataDir));
    const service = createApiService({ store, dataDir, mediaUrl: () => '' });
    try {
      const t0 = Date.now();
      const meeting = await service.createMeeting(MEETING, service.grantFile(long));
      const importMs = Date.now() - t0;
      assert.ok(Math.abs((meeting.media?.durationS ?? 0) - 36000) < 10, `duration ${meeting.media?.durationS}`);
      assert.ok(importMs < 3000, `import took ${importMs} ms`); // measured ~100 ms: the header only
    } finally {
      await service.close();
      store.close();
    }

    const jobs = join(dir, 'jobs');
    const child = spawn(process.execPath, [CLI, 'transcribe', long, '--model', model ?? '', '--json', join(dir, 'out.json')], {
      env: { ...process.env, GIJIROKU_JOBS_DIR: jobs },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let peakKb = 0;
    const pcmBytes = (): number => {
      const job = existsSync(jobs) ? readdirSync(jobs)[0] : undefined;
      const p = job ? join(jobs, job, 'audio.s16le') : '';
      return p && existsSync(p) ? statSync(p).size : 0;
    };
    const until = Date.now() + 12_000;
    while (Date.now() < until && child.exitCode === null) {
      peakKb = Math.max(peakKb, groupRssKb(child.pid ?? 0));
      await new Promise((r) => setTimeout(r, 200));
    }
    const streamed = pcmBytes();
    const exited = new Promise((r) => child.once('close', r));
    if (child.exitCode === null) process.kill(-(child.pid ?? 0), 'SIGKILL');
    await exited;
    assert.equal(child.exitCode === 0 || child.exitCode === null, true, stderr);
    assert.match(stderr, /"stage":"decode"/, 'progress is reported while decoding');
    const decodedS = streamed / 32000;
    // measured: 1057 s of audio decoded (with VAD) in 12 s, 34 MB on disk, peak RSS 142 MB for the whole tree with the
    // ffmpeg program; 1186 s, 38 MB, 225 MB with the node-av decoder child (Node + FFmpeg 8's libraries: ~85 MB more)
    assert.ok(decodedS > 200, `decoding progresses: ${decodedS.toFixed(0)} s of audio in 12 s`);
    assert.ok(
      peakKb < 400_000,
      `peak RSS ${peakKb} kB while ${(streamed / 1e6).toFixed(0)} MB of PCM were written: streamed, not in memory`,
    );
    console.log(
      `# 10 h input: ${decodedS.toFixed(0)} s of audio decoded in 12 s, ${(streamed / 1e6).toFixed(0)} MB on disk, peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
    );
    rmSync(dir, { recursive: true, force: true });
  },
);

test('the page cannot make the app write a file anywhere: exports are downloads, there is no method that takes a path to write to', async () => {
  const dataDir = tempDir();
  const store = openStore(databasePath(dataDir));
  const service = createApiService({ store, dataDir, mediaUrl: () => '' });
  try {
    await service.saveTerm({ surface: '港区', reading: 'みなとく', kind: '地名', misrecognitions: [], enabled: true, note: '' });
    const victim = join(dataDir, '.bashrc');
    writeFileSync(victim, 'export PATH=...');
    for (const [method, args] of [
      ['exportTerms', [victim, 'csv', 'utf8']],
      ['exportMeeting', [1, victim, 'txt', 'clean']],
    ] as const) {
      const r = await dispatchApiCall(service, method, [...args]);
      assert.ok(!r.ok && r.error.code === 'UNKNOWN_METHOD', `${method}: ${JSON.stringify(r)}`);
    }
    assert.equal(readFileSync(victim, 'utf8'), 'export PATH=...', 'untouched');
    const csv = await dispatchApiCall(service, 'exportTermsBase64', ['csv', 'utf8']);
    assert.ok(
      csv.ok &&
        Buffer.from(csv.value as string, 'base64')
          .toString('utf8')
          .includes('港区'),
    );
  } finally {
    await service.close();
    store.close();
  }
});
