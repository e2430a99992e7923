// Schema version 4: the term corrections of each imported transcript (applied and suggested),
// and the council's settings (ケバ取り rules, 会議録 house style) as JSON values by key.
// segment_id is not a foreign key: undo brings a split or merged segment back under its
// old id, and its corrections must still be there; a correction whose text no longer
// matches is simply not shown.
import type { Database } from 'better-sqlite3';

export const version = 4;
export const name = 'corrections-and-council-settings';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE corrections (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      segment_id INTEGER NOT NULL,
      start_char INTEGER NOT NULL CHECK (start_char >= 0),
      end_char INTEGER NOT NULL CHECK (end_char >= start_char),
      from_text TEXT NOT NULL,
      to_text TEXT NOT NULL,
      term TEXT NOT NULL,
      applied INTEGER NOT NULL CHECK (applied IN (0, 1)),
      dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1))
    );
    CREATE INDEX corrections_by_meeting ON corrections (meeting_id, segment_id, start_char);

    CREATE TABLE council_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
}
