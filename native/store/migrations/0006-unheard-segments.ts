// Schema version 6: a segment can be a stretch of speech the engine could not turn into text
// ("unheard"). It is stored with empty text; the editor shows it as a line to listen to until the
// clerk types what was said, and exports never print it.
import type { Database } from 'better-sqlite3';

export const version = 6;
export const name = 'unheard-segments';

export function up(db: Database): void {
  db.exec('ALTER TABLE segments ADD COLUMN unheard INTEGER NOT NULL DEFAULT 0 CHECK (unheard IN (0, 1))');
}
