// Schema version 7: settings that used to live in the page's localStorage (lost at every start
// in browser mode, whose origin has a new port each time). user_settings holds each user's own
// choices as JSON values by key; a meeting's playback position is per user and goes with the
// meeting. Settings the council shares are more keys of council_settings (version 4).
import type { Database } from 'better-sqlite3';

export const version = 7;
export const name = 'settings';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE user_settings (
      user TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (user, key)
    );

    CREATE TABLE playback_positions (
      user TEXT NOT NULL,
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      seconds REAL NOT NULL CHECK (seconds >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (user, meeting_id)
    );
    CREATE INDEX playback_positions_by_meeting ON playback_positions (meeting_id);
  `);
}
