// The worker thread where user regexes run (regexRunner.ts): ケバ取り over texts, and replace-all
// as a whole store edit on its own connection to the database. If a job passes its deadline the
// main thread terminates this thread: V8 stops the regex, SQLite rolls the transaction back.
import { parentPort } from 'node:worker_threads';
import type { CleanupRuleSetting, EditOp } from '../common/api';
import { isGijirokuError } from '../common/errors';
import { openStore } from '../store/openStore';
import type { MeetingStore } from '../store/meetingStoreContract';
import { createCleanupService } from './cleanupService';

export type RegexJob =
  | { id: number; kind: 'clean'; texts: string[]; rules: CleanupRuleSetting[] }
  | { id: number; kind: 'replaceAll'; databasePath: string; meetingId: number; op: Extract<EditOp, { kind: 'replaceAll' }> };

export type RegexReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; text: { ja: string; en: string } } | { message: string } };

const cleanup = createCleanupService();
const stores = new Map<string, MeetingStore>();

async function run(job: RegexJob): Promise<unknown> {
  if (job.kind === 'clean') return cleanup.cleanTexts(job.texts, job.rules);
  let store = stores.get(job.databasePath);
  if (!store) {
    store = openStore(job.databasePath);
    stores.set(job.databasePath, store);
  }
  return store.applyEdit(job.meetingId, job.op);
}

parentPort?.on('message', (job: RegexJob) => {
  run(job).then(
    (value) => parentPort?.postMessage({ id: job.id, ok: true, value } satisfies RegexReply),
    (e: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        ok: false,
        error: isGijirokuError(e) ? { code: e.code, text: e.text } : { message: e instanceof Error ? e.message : String(e) },
      } satisfies RegexReply),
  );
});
