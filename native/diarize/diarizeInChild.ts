import { fork } from 'node:child_process';
import { join } from 'node:path';
import { GijirokuError, type ErrorCode } from '../common/errors';
import type { DiarizationResult } from '../common/speakers';
import type { DiarizeRequest } from './diarize';
import type { ChildMessage } from './diarizeChild';
import { speakerModelError } from './speakerEmbedder';

/**
 * diarize() in a child process, so the event loop (Electron main, the job
 * runner) stays free and a native abort (corrupt model) is an error, not a crash.
 */
export function diarizeInChild(req: DiarizeRequest & { signal?: AbortSignal }): Promise<DiarizationResult> {
  const { onProgress, signal, ...data } = req;
  return new Promise((resolveResult, reject) => {
    const child = fork(join(__dirname, 'diarizeChild.js'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => { if (stderr.length < 4096) stderr += d.toString(); });
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
    if (signal?.aborted) { onAbort(); return; }
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (m: ChildMessage) => {
      if (m.kind === 'progress') onProgress?.(m.fraction);
      else if (m.kind === 'done') settle(() => resolveResult(m.result));
      else settle(() => reject(m.code ? new GijirokuError(m.code as ErrorCode, { ja: m.ja, en: m.en }) : new Error(m.en)));
    });
    child.on('error', (e) => settle(() => reject(e)));
    child.on('exit', (code, sig) => settle(() => {
      // onnxruntime aborts on a model it cannot parse
      if (/Load model from|onnx|Protobuf/i.test(stderr)) reject(speakerModelError(data.embeddingModel, new Error(stderr.trim())));
      else reject(new Error(`diarization process ended (${sig ?? code}): ${stderr.trim().slice(0, 500)}`));
    }));
    child.send(data);
  });
}
