// Schema version 6: the review pass (issue 15). Each row is a doubtful stretch the clerk played
// and confirmed with Enter, as the seconds it covered; the pass counts a stretch as done when a
// row covers it, so stretches that an edit reshapes later are matched by time, not by id.
// Confirming also records the stretch as listened (table listened).
import type { Database } from 'better-sqlite3';

export const version = 6;
export const name = 'review-stretches';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE review_confirmed (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      start_s REAL NOT NULL,
      end_s REAL NOT NULL CHECK (end_s > start_s),
      confirmed_at TEXT NOT NULL
    );
    CREATE INDEX review_confirmed_by_meeting ON review_confirmed (meeting_id, start_s);
  `);
}
