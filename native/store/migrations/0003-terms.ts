// Schema version 3: the council's term dictionary (names, places, terms whisper gets wrong).
// One row per 表記+よみ; misrecognitions is a JSON array of strings.
import type { Database } from 'better-sqlite3';

export const version = 3;
export const name = 'terms';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE terms (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      surface TEXT NOT NULL CHECK (surface <> ''),
      reading TEXT NOT NULL CHECK (reading <> ''),
      kind TEXT NOT NULL,
      misrecognitions TEXT NOT NULL DEFAULT '[]',
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      UNIQUE (surface, reading)
    );
  `);
}
