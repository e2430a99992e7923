// One job in a forked Node process (Electron forks itself as Node): what may crash natively, block the
// event loop or hold hundreds of MB for good (onnxruntime, kuromoji) runs there and the child exits.
// The child answers with ChildReply messages; the parent kills it when the signal aborts.
import { fork } from 'node:child_process';
import { GijirokuError, isGijirokuError, type ErrorCode } from '../common/errors';

export type ChildReply<T> =
  { kind: 'progress'; fraction: number } | { kind: 'done'; result: T } | { kind: 'failed'; code: string | null; ja: string; en: string };

export interface ForkJobOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** the error for a child that ended without answering, from the start of its stderr */
  ended?: (stderr: string, code: number | null, signal: NodeJS.Signals | null) => Error;
}

export function forkJob<T>(script: string, job: object, opts: ForkJobOptions = {}): Promise<T> {
  return new Promise((resolveResult, reject) => {
    const child = fork(script, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString();
    });
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = (): void => {
      child.kill('SIGKILL');
      settle(() => reject(new GijirokuError('CANCELLED', { ja: '中止しました。', en: 'Cancelled.' })));
    };
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (m: ChildReply<T>) => {
      if (m.kind === 'progress') opts.onProgress?.(m.fraction);
      else if (m.kind === 'done') settle(() => resolveResult(m.result));
      else settle(() => reject(m.code ? new GijirokuError(m.code as ErrorCode, { ja: m.ja, en: m.en }) : new Error(m.en)));
    });
    child.on('error', (e) => settle(() => reject(e)));
    child.on('exit', (code, sig) =>
      settle(() =>
        reject(opts.ended?.(stderr, code, sig) ?? new Error(`child process ended (${sig ?? code}): ${stderr.trim().slice(0, 500)}`)),
      ),
    );
    child.send(job);
  });
}

/** In the child: the answer for a job that threw. */
export function failedReply(e: unknown): ChildReply<never> {
  if (isGijirokuError(e)) return { kind: 'failed', code: e.code, ja: e.text.ja, en: e.text.en };
  return { kind: 'failed', code: null, ja: String(e), en: e instanceof Error ? e.message : String(e) };
}

/** In the child: the last answer, then leave once it is written (it may be large). */
export function replyAndLeave(reply: ChildReply<unknown>): void {
  process.send?.(reply, undefined, {}, () => process.disconnect?.());
}
