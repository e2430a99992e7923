// User regexes off the API thread, with a deadline (threat: a ケバ取り rule or a replace-all pattern
// that backtracks for minutes froze every API call; regexSafety.ts refuses the known shapes, this
// bounds whatever slips through). One worker thread, one job at a time; a job past its deadline
// terminates the worker (a new one starts with the next job) and fails with a message.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { CleanSpan, CleanupRuleSetting, EditOp, EditResult } from '../common/api';
import { GijirokuError, type ErrorCode } from '../common/errors';
import type { CleanupService } from './cleanupService';
import type { RegexJob, RegexReply } from './regexWorker';

/** ケバ取り of a whole meeting, kuromoji's first build (~2 s) included; measured ≈ 3 s for 3,000 turns here */
export const CLEAN_DEADLINE_MS = 20_000;
/** replace-all over a 4-hour meeting: well under a second with a sane pattern */
export const REPLACE_DEADLINE_MS = 5_000;

type JobInput = RegexJob extends infer J ? (J extends RegexJob ? Omit<J, 'id'> : never) : never;

export interface RegexRunner extends CleanupService {
  replaceAll(databasePath: string, meetingId: number, op: Extract<EditOp, { kind: 'replaceAll' }>): Promise<EditResult>;
  close(): Promise<void>;
}

export function createRegexRunner(deadlines = { clean: CLEAN_DEADLINE_MS, replace: REPLACE_DEADLINE_MS }): RegexRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Worker => {
    const w = new Worker(join(__dirname, 'regexWorker.js'));
    w.unref();
    return w;
  };

  const once = (job: JobInput, deadlineMs: number): Promise<unknown> =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const cleanupListeners = (): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
      };
      const onMessage = (reply: RegexReply): void => {
        if (reply.id !== id) return;
        cleanupListeners();
        if (reply.ok) return resolve(reply.value);
        const err = reply.error;
        reject('code' in err ? new GijirokuError(err.code as ErrorCode, err.text) : new Error(err.message));
      };
      const onError = (e: Error): void => {
        cleanupListeners();
        if (worker === w) worker = null;
        reject(e);
      };
      const timer = setTimeout(() => {
        cleanupListeners();
        if (worker === w) worker = null;
        void w.terminate();
        reject(tooSlow(job.kind, deadlineMs));
      }, deadlineMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage({ ...job, id });
    });

  /** one job at a time: a later job never waits behind a runaway one longer than its deadline */
  const run = (job: JobInput, deadlineMs: number): Promise<unknown> => {
    const result = queue.then(() => once(job, deadlineMs));
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    async cleanTexts(texts: readonly string[], rules: readonly CleanupRuleSetting[]) {
      return (await run({ kind: 'clean', texts: [...texts], rules: [...rules] }, deadlines.clean)) as CleanSpan[][];
    },
    async replaceAll(databasePath, meetingId, op) {
      return (await run({ kind: 'replaceAll', databasePath, meetingId, op }, deadlines.replace)) as EditResult;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

function tooSlow(kind: string, ms: number): GijirokuError {
  const what =
    kind === 'clean' ? { ja: 'ケバ取りのルール', en: 'the ケバ取り rules' } : { ja: '置換の正規表現', en: 'the replace pattern' };
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `${what.ja}の処理が ${ms / 1000} 秒を超えたため中止しました（何も変わっていません）。正規表現をもっと単純な形に書き直してください。`,
    en: `Running ${what.en} took longer than ${ms / 1000} s, so it was stopped (nothing changed). Write the regular expression in a simpler form.`,
  });
}
