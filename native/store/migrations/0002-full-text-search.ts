// Schema version 2: FTS5 trigram indexes over transcript text and meeting titles/bodies,
// kept in sync by triggers and filled from the rows already there.
import type { Database } from 'better-sqlite3';

export const version = 2;
export const name = 'full-text-search';

export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE segments_fts USING fts5 (
      text, content = 'segments', content_rowid = 'id', tokenize = 'trigram'
    );
    CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
      INSERT INTO segments_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
      INSERT INTO segments_fts (segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER segments_fts_update AFTER UPDATE OF text ON segments
    WHEN old.text IS NOT new.text BEGIN
      INSERT INTO segments_fts (segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO segments_fts (rowid, text) VALUES (new.id, new.text);
    END;

    CREATE VIRTUAL TABLE meetings_fts USING fts5 (
      title, body, content = 'meetings', content_rowid = 'id', tokenize = 'trigram'
    );
    CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN
      INSERT INTO meetings_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN
      INSERT INTO meetings_fts (meetings_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END;
    CREATE TRIGGER meetings_fts_update AFTER UPDATE OF title, body ON meetings
    WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
      INSERT INTO meetings_fts (meetings_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
      INSERT INTO meetings_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END;

    INSERT INTO segments_fts (segments_fts) VALUES ('rebuild');
    INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');
  `);
}
