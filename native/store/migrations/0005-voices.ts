// Schema version 5: who each voice is. speaker_labels ties a meeting's speaker (S1, S2 …) to a
// roster entry, with where that came from (the chair's call, a known voice, the clerk) and how sure
// it is, plus the voice's embedding from diarization. voices keeps one sample per confirmed person
// (name + yomi) and meeting, not a running mean: confirming a meeting again replaces its sample
// instead of counting it twice, and deleting a meeting takes its samples with it. The mean over a
// person's latest samples is taken when matching (a few people × a few meetings: cheap).
import type { Database } from 'better-sqlite3';

export const version = 5;
export const name = 'voices';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE speaker_labels (
      speaker_id INTEGER PRIMARY KEY REFERENCES speakers (id) ON DELETE CASCADE,
      roster_id INTEGER REFERENCES roster (id) ON DELETE SET NULL,
      source TEXT NOT NULL DEFAULT 'clerk' CHECK (source IN ('roster-call', 'voiceprint', 'clerk')),
      confidence REAL NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
      reason TEXT NOT NULL DEFAULT '',
      -- L2-normalised CAM++ embedding as little-endian float32 (192 values = 768 bytes)
      embedding BLOB
    );
    CREATE INDEX speaker_labels_by_roster ON speaker_labels (roster_id);

    CREATE TABLE voices (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL CHECK (name <> ''),
      yomi TEXT NOT NULL DEFAULT '',
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      embedding BLOB NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (name, yomi, meeting_id)
    );
    CREATE INDEX voices_by_person ON voices (name, yomi, updated_at);
  `);
}
