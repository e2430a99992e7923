// The app side of the soak bench, in its own process so that its RSS is the app's alone:
//   node soakChild.js AUDIO MODEL JOBS
// One API service on a real store in a temporary data folder runs JOBS transcriptions of the
// same file one after another (createMeeting → startTranscription → listJobs until done), as a
// clerk would queue meetings in one session. Job boundaries go to the bench over IPC; the bench
// samples this process's RSS from /proc, so sampling costs the app nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '../native/common/api';
import { createApiService } from '../native/app/createApiService';
import { openStore } from '../native/store/openStore';

export type SoakMessage =
  | { type: 'start'; job: number }
  | {
      type: 'done';
      job: number;
      state: string;
      error: string | null;
      wallS: number;
      audioS: number;
      segments: number;
      heapMb: number;
      externalMb: number;
    };

const MEETING = { title: '耐久ベンチ', body: '本会議', date: '2026-11-26', place: '' };

function send(message: SoakMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('soakChild: run it through runSoakBench (needs an IPC channel)'));
    process.send(message, (e: Error | null) => (e ? reject(e) : resolve()));
  });
}

async function main(): Promise<void> {
  const [audio = '', model = '', jobsArg = '3'] = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), 'gijiroku-soak-'));
  const store = openStore(join(dir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir: dir, mediaUrl: () => '' });
  try {
    for (let n = 1; n <= Number(jobsArg); n++) {
      await send({ type: 'start', job: n });
      const t0 = performance.now();
      const meeting = await service.createMeeting({ ...MEETING, title: `耐久ベンチ ${n}` }, service.grantFile(audio));
      const started = await service.startTranscription(meeting.id, model);
      let job: Job | undefined = started;
      while (job && (job.state === 'queued' || job.state === 'running')) {
        await new Promise((r) => setTimeout(r, 500));
        job = (await service.listJobs()).find((j) => j.id === started.id);
      }
      const wallS = (performance.now() - t0) / 1000;
      const segments = job?.state === 'done' ? (await service.getTranscript(meeting.id)).segments.length : 0;
      const mem = process.memoryUsage();
      await send({
        type: 'done',
        job: n,
        state: job?.state ?? 'missing',
        error: job?.error?.en ?? null,
        wallS,
        audioS: (await service.getMeeting(meeting.id)).durationS ?? 0,
        segments,
        heapMb: mem.heapUsed / 1e6,
        externalMb: mem.external / 1e6,
      });
    }
  } finally {
    await service.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.disconnect?.();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
