// transcriptLayers in a child process, for a long-lived process (the app's): kuromoji takes
// ~300 MB once built and a process never gives it back, so it is built in a child that exits.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { GijirokuError, isGijirokuError, type ErrorCode } from '../common/errors';
import type { Transcript } from '../common/transcript';
import { loadTokenizer } from '../dictionary/loadTokenizer';
import { transcriptLayers, type MeetingTranscript, type TranscriptLayers } from './transcriptLayers';

interface LayersJob {
  transcript: Transcript;
  layers: TranscriptLayers;
}

type LayersReply = { kind: 'done'; result: MeetingTranscript } | { kind: 'failed'; code: string | null; ja: string; en: string };

export function transcriptLayersInChild(
  transcript: Transcript,
  layers: TranscriptLayers,
  signal?: AbortSignal,
): Promise<MeetingTranscript> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'transcriptLayersChild.js'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString();
    });
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = (): void => {
      child.kill('SIGKILL');
      settle(() => reject(new GijirokuError('CANCELLED', { ja: '中止しました。', en: 'Cancelled.' })));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (m: LayersReply) =>
      settle(() => {
        if (m.kind === 'done') resolve(m.result);
        else reject(m.code ? new GijirokuError(m.code as ErrorCode, { ja: m.ja, en: m.en }) : new Error(m.en));
      }),
    );
    child.on('error', (e) => settle(() => reject(e)));
    child.on('exit', (code, sig) =>
      settle(() => reject(new Error(`transcript layers process ended (${sig ?? code}): ${stderr.trim().slice(0, 500)}`))),
    );
    child.send({ transcript, layers } satisfies LayersJob);
  });
}

async function run(job: LayersJob): Promise<void> {
  let reply: LayersReply;
  try {
    reply = { kind: 'done', result: transcriptLayers(job.transcript, job.layers, await loadTokenizer()) };
  } catch (e) {
    reply = isGijirokuError(e)
      ? { kind: 'failed', code: e.code, ja: e.text.ja, en: e.text.en }
      : { kind: 'failed', code: null, ja: String(e), en: e instanceof Error ? e.message : String(e) };
  }
  // the reply may be large: leave only once it is written
  process.send?.(reply, undefined, {}, () => process.disconnect?.());
}

if (require.main === module) {
  process.once('message', (job: LayersJob) => void run(job));
}
