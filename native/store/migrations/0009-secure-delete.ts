// Schema version 9.
// Deleting a meeting must not leave its words behind. The connection already runs with PRAGMA secure_delete (freed pages are zeroed); the full-text indexes keep their own b-trees,
// where FTS5 leaves a deleted row's trigrams until segments merge unless 'secure-delete' is on.
import type { Database } from 'better-sqlite3';

export const version = 9;
export const name = 'secure-delete';

export function up(db: Database): void {
  db.exec(`
    INSERT INTO segments_fts (segments_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('secure-delete', 1);
  `);
}
