// Recording benchmark, through the same path as the app (dispatchApiCall → the API
// service → fsync'd WAV appends, VAD and the live draft), in this process, which is
// the one that owns the recording file in the app:
//   npx tsc -p . && node dist/bench/recordingBench.js [--minutes 60] [--speed 1] [--files m01_honkaigi_kaikai,…]
// 1. append: N minutes of generated audio, 1-second chunks, as fast as possible; RSS sampled
//    every 30 chunks must stay flat (start / peak / end).
// 2. live draft: corpus files concatenated, fed in real time (or `speed`× faster, stated in the
//    row) with the draft on; how far the draft runs behind at peak and at stop, and how long
//    after stop the meeting's transcript is ready.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { GijirokuApi, Meeting, RecordingStatus } from '../native/common/api';
import { createApiService, type ApiService } from '../native/app/createApiService';
import { dispatchApiCall } from '../native/app/dispatchApiCall';
import { loadMeeting } from '../native/eval/corpus';
import { openStore } from '../native/store/openStore';
import { ROOT } from '../test/helpers/fixtures';
import { printTable } from './table';

export interface RecordingBenchRow {
  measure: string;
  value: string;
  note: string;
}

const CHUNK_BYTES = 32000; // one second of 16 kHz s16le, as the page sends
const MEETING = { title: 'ベンチ録音', body: '本会議', date: '2026-11-26', place: '' };

async function call<T>(service: GijirokuApi, method: string, ...args: unknown[]): Promise<T> {
  const reply = await dispatchApiCall(service, method, args);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.text.en}`);
  return reply.value as T;
}

function withService<T>(run: (service: ApiService) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gijiroku-recbench-'));
  const store = openStore(join(dir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir: dir, mediaUrl: () => '' });
  return run(service).finally(async () => {
    await service.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

/** `minutes` of generated audio (a tone under noise) through appendRecording, as fast as the disk allows. */
export async function benchAppend(minutes: number): Promise<RecordingBenchRow[]> {
  return withService(async (service) => {
    const rec = await call<RecordingStatus>(service, 'startRecording', MEETING, '');
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const rss: number[] = [process.memoryUsage().rss];
    let seed = 1;
    const t0 = performance.now();
    let slowestMs = 0;
    for (let s = 0; s < minutes * 60; s++) {
      for (let k = 0; k < CHUNK_BYTES / 2; k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        chunk.writeInt16LE(Math.round(3000 * Math.sin((s * 16000 + k) * 0.07) + ((seed % 2000) - 1000)), k * 2);
      }
      const t = performance.now();
      await call(service, 'appendRecording', rec.recordingId, chunk.toString('base64'));
      slowestMs = Math.max(slowestMs, performance.now() - t);
      if (s % 30 === 0) rss.push(process.memoryUsage().rss);
    }
    const wallS = (performance.now() - t0) / 1000;
    rss.push(process.memoryUsage().rss);
    const meeting = await call<Meeting>(service, 'stopRecording', rec.recordingId);
    const [start, end] = [rss[0] ?? 0, rss[rss.length - 1] ?? 0];
    return [
      {
        measure: `append ${minutes} min in 1-s chunks (fsync each)`,
        value: `${wallS.toFixed(1)} s (${Math.round((minutes * 60) / wallS)}× real time)`,
        note: `slowest chunk ${slowestMs.toFixed(1)} ms`,
      },
      {
        measure: 'RSS start / peak / end',
        value: `${mb(start)} / ${mb(Math.max(...rss))} / ${mb(end)} MB`,
        note: `${rss.length} samples; at each quarter ${[1, 2, 3].map((q) => mb(rss[Math.floor((rss.length * q) / 4)] ?? 0)).join(' / ')} MB`,
      },
      { measure: 'meeting duration after stop', value: `${meeting.durationS} s`, note: `expected ${minutes * 60} s` },
    ];
  });
}

/** Corpus files concatenated, fed at `speed`× real time with the live draft on. */
export async function benchDraftLag(model: string, files: string[], speed: number): Promise<RecordingBenchRow[]> {
  const pcm = Buffer.concat(
    files.map((f) =>
      execFileSync('ffmpeg', ['-v', 'error', '-i', loadMeeting(f).audio, '-ac', '1', '-ar', '16000', '-f', 's16le', '-'], {
        maxBuffer: 1 << 30,
      }),
    ),
  );
  const audioS = pcm.length / 2 / 16000;
  return withService(async (service) => {
    const rec = await call<RecordingStatus>(service, 'startRecording', MEETING, model);
    const t0 = performance.now();
    let peakLag = 0;
    let status = rec;
    for (let s = 0; s * CHUNK_BYTES < pcm.length; s++) {
      const due = t0 + (s * 1000) / speed;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await call(service, 'appendRecording', rec.recordingId, pcm.subarray(s * CHUNK_BYTES, (s + 1) * CHUNK_BYTES).toString('base64'));
      status = await call<RecordingStatus>(service, 'getRecording', rec.recordingId);
      peakLag = Math.max(peakLag, status.draftLagS);
    }
    const draftedS = status.draft.at(-1)?.end ?? 0;
    const tStop = performance.now();
    const meeting = await call<Meeting>(service, 'stopRecording', rec.recordingId);
    let ready = meeting;
    while (ready.status === 'transcribing') {
      await new Promise((r) => setTimeout(r, 500));
      ready = await call<Meeting>(service, 'getMeeting', meeting.id);
    }
    const catchUpS = (performance.now() - tStop) / 1000;
    const label = `${files.join('+')} (${(audioS / 60).toFixed(1)} min) at ${speed}× real time, ${availableParallelism()} cores`;
    return [
      {
        measure: `draft lag, peak — ${label}`,
        value: `${peakLag.toFixed(1)} s`,
        note: 'recording time from the oldest closed speech not yet in the draft to now',
      },
      {
        measure: 'draft lag at stop',
        value: `${status.draftLagS.toFixed(1)} s`,
        note: `draft covered ${draftedS.toFixed(0)} s of ${audioS.toFixed(0)} s at stop`,
      },
      {
        measure: 'stop → transcript ready',
        value: `${catchUpS.toFixed(1)} s`,
        note: `meeting ${ready.status}; the rest and beam-5 retries of doubtful pieces`,
      },
    ];
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '60' },
      speed: { type: 'string', default: '1' },
      files: { type: 'string', default: 'm01_honkaigi_kaikai,m02_kosei_hoikuen,m03_kotsu_chiibasu' },
      model: { type: 'string', default: join(ROOT, '..', 'shared', 'models', 'ggml-base-q8_0.bin') },
      'skip-append': { type: 'boolean', default: false },
      'skip-draft': { type: 'boolean', default: false },
    },
  });
  const rows: RecordingBenchRow[] = [];
  if (!values['skip-append']) rows.push(...(await benchAppend(Number(values.minutes))));
  if (!values['skip-draft']) rows.push(...(await benchDraftLag(values.model, values.files.split(','), Number(values.speed))));
  printTable('Recording (append path, RSS, live draft lag)', rows);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'recording-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
