// The review pass's confirmed stretches (migration 0006). A confirmed stretch also counts as listened.
import type { Database } from 'better-sqlite3';
import type { Coverage, ReviewState } from '../common/api';
import { getCoverage, recordListened } from './coverage';
import { meetingRow } from './meetingQueries';
import { nowIso } from './storeRows';
import { invalidInputError } from './storeErrors';

export function confirmReviewStretch(db: Database, meetingId: number, from: number, to: number): ReviewState {
  if (!(to > from)) {
    throw invalidInputError(`review stretch ${from}–${to} is empty or backwards`, `確認した区間 ${from}〜${to} が正しくありません`);
  }
  return db.transaction(() => {
    meetingRow(db, meetingId);
    const covered = db.prepare('SELECT 1 FROM review_confirmed WHERE meeting_id = ? AND start_s <= ? AND end_s >= ?').get(meetingId, from, to);
    if (!covered) {
      db.prepare('INSERT INTO review_confirmed (meeting_id, start_s, end_s, confirmed_at) VALUES (?, ?, ?, ?)').run(meetingId, from, to, nowIso());
    }
    const listened = recordListened(db, meetingId, from, to);
    return { confirmed: confirmedOf(db, meetingId), listened };
  })();
}

export function getReview(db: Database, meetingId: number): ReviewState {
  return db.transaction(() => ({ confirmed: confirmedOf(db, meetingId), listened: getCoverage(db, meetingId) }))();
}

/** A new transcript brings new doubtful words: what was confirmed of the old one no longer applies. */
export function clearReview(db: Database, meetingId: number): void {
  db.prepare('DELETE FROM review_confirmed WHERE meeting_id = ?').run(meetingId);
}

function confirmedOf(db: Database, meetingId: number): Coverage {
  meetingRow(db, meetingId);
  const rows = db.prepare('SELECT start_s, end_s FROM review_confirmed WHERE meeting_id = ? ORDER BY start_s, end_s')
    .all(meetingId) as { start_s: number; end_s: number }[];
  return rows.map((r): [number, number] => [r.start_s, r.end_s]);
}
