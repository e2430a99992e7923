// Schema version 8: the review pass (issue 15). The stretches a clerk checks, 要確認 words padded
// by 0.5 s and merged, are fixed when a transcript is imported (edits that drop a word's token do
// not move them); confirmed_at is set when the clerk confirms one with Enter. Meetings imported
// earlier get theirs from the stored tokens: without doubt levels, the old low-probability mark.
import type { Database } from 'better-sqlite3';
import { reviewStretchesOf } from '../../common/doubtStretches';
import { decodeTokens } from '../storeRows';

export const version = 8;
export const name = 'review-stretches';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE review_stretches (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      start_s REAL NOT NULL,
      end_s REAL NOT NULL CHECK (end_s > start_s),
      confirmed_at TEXT
    );
    CREATE INDEX review_stretches_by_meeting ON review_stretches (meeting_id, start_s);
  `);
  const meetings = db.prepare('SELECT id, duration_s FROM meetings').all() as { id: number; duration_s: number | null }[];
  const segments = db.prepare('SELECT start_s, end_s, text, tokens FROM segments WHERE meeting_id = ? ORDER BY seq, id');
  const insert = db.prepare('INSERT INTO review_stretches (meeting_id, start_s, end_s) VALUES (?, ?, ?)');
  for (const m of meetings) {
    const rows = segments.all(m.id) as { start_s: number; end_s: number; text: string; tokens: string }[];
    const stretches = reviewStretchesOf(
      rows.map((r) => ({ start: r.start_s, end: r.end_s, text: r.text, tokens: decodeTokens(r.tokens) })),
      m.duration_s ?? Infinity,
    );
    for (const [a, b] of stretches) insert.run(m.id, a, b);
  }
}
