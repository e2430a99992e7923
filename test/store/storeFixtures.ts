// Shared set-up for the store tests: real SQLite files in a folder whose name has Japanese
// characters and spaces, and a meeting holding the sample transcript (test/helpers/transcripts.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { MeetingInput, TranscriptView } from '../../native/common/api';
import { isGijirokuError, type ErrorCode } from '../../native/common/errors';
import type { MeetingStore } from '../../native/store/meetingStoreContract';
import { openStore } from '../../native/store/openStore';
import { sampleTranscript } from '../helpers/transcripts';

export function tempFolder(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gijiroku 議事録 テスト '));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function storePath(dir: string): string {
  return join(dir, '会議 データ', 'gijiroku.sqlite');
}

/** An empty database file at storePath(dir), opened without migrations (for migration tests). */
export function freshDatabase(dir: string): Database.Database {
  const path = storePath(dir);
  mkdirSync(dirname(path), { recursive: true });
  return new Database(path);
}

export const HONKAIGI: MeetingInput = { title: '令和6年第1回定例会', body: '本会議', date: '2024-03-01', place: '議場' };

export function withStore(run: (store: MeetingStore, dir: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const folder = tempFolder();
    const store = openStore(storePath(folder.dir));
    try {
      await run(store, folder.dir);
    } finally {
      store.close();
      folder.dispose();
    }
  };
}

/** A meeting with the sample transcript imported. */
export function sampleMeeting(store: MeetingStore, input: MeetingInput = HONKAIGI): { meetingId: number; view: TranscriptView } {
  const meeting = store.createMeeting(input, { path: '/recordings/本会議.flac', durationS: null });
  return { meetingId: meeting.id, view: store.importTranscript(meeting.id, sampleTranscript()) };
}

export function assertGijirokuError(f: () => unknown, code: ErrorCode, ...fragments: RegExp[]): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(isGijirokuError(e), `expected a GijirokuError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.ok(e.text.ja.length > 0 && e.text.en.length > 0);
    for (const f of fragments) assert.match(`${e.text.ja}\n${e.text.en}`, f);
    return true;
  });
}
