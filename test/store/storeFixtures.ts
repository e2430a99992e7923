// Shared set-up for the store tests: real SQLite files in a folder whose name has Japanese
// characters and spaces, and a small engine transcript whose tokens spell its text.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { MeetingInput, TranscriptView } from '../../native/common/api';
import { isGijirokuError, type ErrorCode } from '../../native/common/errors';
import type { Transcript, TranscriptSegment, TranscriptToken } from '../../native/common/transcript';
import type { MeetingStore } from '../../native/store/meetingStoreContract';
import { openStore } from '../../native/store/openStore';

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

/** Tokens that spell `pieces.join('')`, each `step` seconds long from `start`. */
export function tokensFor(pieces: string[], start: number, step = 0.5): TranscriptToken[] {
  return pieces.map((text, i) => ({ start: start + i * step, end: start + (i + 1) * step, text, p: 0.9 }));
}

function segment(id: number, pieces: string[], start: number, speaker: string | null): TranscriptSegment {
  const tokens = tokensFor(pieces, start);
  return { id, start, end: start + pieces.length * 0.5, speaker, text: pieces.join(''), tokens };
}

/** Four segments: S1 opens, S2 answers, S1 again, then one with no speaker and no tokens. */
export function sampleTranscript(): Transcript {
  const segments = [
    segment(0, ['ただ', '今', 'から', '本', '会議', 'を', '開き', 'ます', '。'], 1, 'S1'),
    segment(1, ['議長', '、', '12', '番', '鈴木', '議員', '。'], 10, 'S2'),
    segment(2, ['鈴木', '議員', 'の', '質問', 'を', '許し', 'ます', '。'], 20, 'S1'),
    { id: 3, start: 30, end: 40, speaker: null, text: '（休憩）ABC abc', tokens: [] },
  ];
  return {
    version: 1,
    audio: { path: '/recordings/本会議.flac', duration: 3600.5, truncated: null },
    model: { path: '/models/ggml-base.bin', name: 'base' },
    language: 'ja',
    segments,
    timing: { decode_s: 1, vad_s: 1, asr_s: 1, total_s: 3 },
    notices: [],
  };
}

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
