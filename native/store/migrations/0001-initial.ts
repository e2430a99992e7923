// Schema version 1: meetings, their media, speakers, segments, roster, edit history,
// listened coverage and transcription jobs. Times are seconds (REAL); timestamps ISO-8601 text.
import type { Database } from 'better-sqlite3';

export const version = 1;
export const name = 'initial';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meetings (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      title TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      date TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'transcribing', 'ready', 'failed')),
      duration_s REAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX meetings_by_date ON meetings (date DESC, id DESC);

    CREATE TABLE media_files (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      duration_s REAL
    );
    CREATE INDEX media_files_by_meeting ON media_files (meeting_id);

    -- AUTOINCREMENT on speakers and segments: ids are never reused, so undo can
    -- bring a deleted row back under its old id without colliding with a newer one.
    CREATE TABLE speakers (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL DEFAULT '',
      color TEXT NOT NULL
    );
    CREATE INDEX speakers_by_meeting ON speakers (meeting_id);

    CREATE TABLE segments (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      seq REAL NOT NULL,
      start_s REAL NOT NULL,
      end_s REAL NOT NULL,
      speaker_id INTEGER REFERENCES speakers (id),
      text TEXT NOT NULL,
      tokens TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX segments_by_position ON segments (meeting_id, seq);
    CREATE INDEX segments_by_speaker ON segments (speaker_id);

    CREATE TABLE roster (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      yomi TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL DEFAULT '',
      seat TEXT NOT NULL DEFAULT '',
      mark TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX roster_by_meeting ON roster (meeting_id);

    -- One row per edit; before/after hold JSON images of every affected row.
    CREATE TABLE edits (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      op TEXT NOT NULL,
      before TEXT NOT NULL,
      after TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
      created_at TEXT NOT NULL
    );
    CREATE INDEX edits_by_meeting ON edits (meeting_id, undone, id);

    CREATE TABLE listened (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      start_s REAL NOT NULL,
      end_s REAL NOT NULL CHECK (end_s >= start_s)
    );
    CREATE INDEX listened_by_meeting ON listened (meeting_id, start_s);

    CREATE TABLE jobs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
      model TEXT NOT NULL,
      progress TEXT,
      error TEXT,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT
    );
    CREATE INDEX jobs_by_state ON jobs (state, id);
  `);
}
