// Which seconds of the recording the clerk has listened to, kept as merged intervals.
import type { Database } from 'better-sqlite3';
import type { Coverage } from '../common/api';
import { meetingRow } from './meetingQueries';
import { invalidInputError } from './storeErrors';

export function recordListened(db: Database, meetingId: number, from: number, to: number): Coverage {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from < 0 || to < from) {
    throw invalidInputError(`listened interval ${from}–${to} is not a forward time range`, `再生区間 ${from}〜${to} が正しくありません`);
  }
  return db.transaction(() => {
    meetingRow(db, meetingId);
    if (to > from) {
      // every stored interval that overlaps or touches [from, to] becomes part of one
      const touching = db
        .prepare('SELECT id, start_s, end_s FROM listened WHERE meeting_id = ? AND start_s <= ? AND end_s >= ?')
        .all(meetingId, to, from) as { id: number; start_s: number; end_s: number }[];
      let start = from;
      let end = to;
      const remove = db.prepare('DELETE FROM listened WHERE id = ?');
      for (const t of touching) {
        start = Math.min(start, t.start_s);
        end = Math.max(end, t.end_s);
        remove.run(t.id);
      }
      db.prepare('INSERT INTO listened (meeting_id, start_s, end_s) VALUES (?, ?, ?)').run(meetingId, start, end);
    }
    return coverageOf(db, meetingId);
  })();
}

export function getCoverage(db: Database, meetingId: number): Coverage {
  meetingRow(db, meetingId);
  return coverageOf(db, meetingId);
}

function coverageOf(db: Database, meetingId: number): Coverage {
  const rows = db.prepare('SELECT start_s, end_s FROM listened WHERE meeting_id = ? ORDER BY start_s').all(meetingId) as {
    start_s: number;
    end_s: number;
  }[];
  return rows.map((r): [number, number] => [r.start_s, r.end_s]);
}
