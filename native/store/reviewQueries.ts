// The review pass's stretches (migration 0006): set at import, confirmed one by one; a confirmed stretch counts as listened.
import type { Database } from 'better-sqlite3';
import type { ReviewState, ReviewStretch } from '../common/api';
import { getCoverage, recordListened } from './coverage';
import { meetingRow } from './meetingQueries';
import { nowIso } from './storeRows';
import { invalidInputError } from './storeErrors';

/** A new transcript brings new doubtful words: the old stretches and what was confirmed of them go. */
export function setReviewStretches(db: Database, meetingId: number, stretches: readonly (readonly [number, number])[]): void {
  db.prepare('DELETE FROM review_stretches WHERE meeting_id = ?').run(meetingId);
  const insert = db.prepare('INSERT INTO review_stretches (meeting_id, start_s, end_s) VALUES (?, ?, ?)');
  for (const [a, b] of stretches) insert.run(meetingId, a, b);
}

export function confirmReviewStretch(db: Database, meetingId: number, stretchId: number): ReviewState {
  return db.transaction(() => {
    meetingRow(db, meetingId);
    const row = db
      .prepare('SELECT start_s, end_s, confirmed_at FROM review_stretches WHERE id = ? AND meeting_id = ?')
      .get(stretchId, meetingId) as { start_s: number; end_s: number; confirmed_at: string | null } | undefined;
    if (!row) {
      throw invalidInputError(
        `meeting ${meetingId} has no review stretch with id ${stretchId}`,
        `確認する区間（ID ${stretchId}）がこの会議にありません`,
      );
    }
    if (row.confirmed_at === null) db.prepare('UPDATE review_stretches SET confirmed_at = ? WHERE id = ?').run(nowIso(), stretchId);
    const listened = recordListened(db, meetingId, row.start_s, row.end_s);
    return { stretches: stretchesOf(db, meetingId), listened };
  })();
}

export function getReview(db: Database, meetingId: number): ReviewState {
  return db.transaction(() => {
    meetingRow(db, meetingId);
    return { stretches: stretchesOf(db, meetingId), listened: getCoverage(db, meetingId) };
  })();
}

function stretchesOf(db: Database, meetingId: number): ReviewStretch[] {
  const rows = db
    .prepare('SELECT id, start_s, end_s, confirmed_at FROM review_stretches WHERE meeting_id = ? ORDER BY start_s, id')
    .all(meetingId) as { id: number; start_s: number; end_s: number; confirmed_at: string | null }[];
  return rows.map((r) => ({ id: r.id, start: r.start_s, end: r.end_s, confirmed: r.confirmed_at !== null }));
}
