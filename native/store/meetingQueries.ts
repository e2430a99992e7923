// Meetings and their media file.
import type { Database } from 'better-sqlite3';
import type { Meeting, MeetingInput, MeetingStatus } from '../common/api';
import { notFoundError } from './storeErrors';
import { nowIso, toMediaFile, toMeetingSummary, type MediaRow, type MeetingRow } from './storeRows';

export function meetingRow(db: Database, meetingId: number): MeetingRow {
  const row = db.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow | undefined;
  if (!row) throw notFoundError('meeting', meetingId);
  return row;
}

export function getMeeting(db: Database, meetingId: number): Meeting {
  const row = meetingRow(db, meetingId);
  const media = db.prepare('SELECT * FROM media_files WHERE meeting_id = ? ORDER BY id LIMIT 1').get(meetingId) as MediaRow | undefined;
  return { ...toMeetingSummary(row, null), media: media ? toMediaFile(media) : null };
}

export function createMeeting(db: Database, m: MeetingInput, media: { path: string; durationS: number | null }): Meeting {
  const id = db.transaction(() => {
    const now = nowIso();
    const { lastInsertRowid } = db
      .prepare(
        `
      INSERT INTO meetings (title, body, date, place, status, duration_s, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'new', ?, ?, ?)`,
      )
      .run(m.title, m.body, m.date, m.place, media.durationS, now, now);
    db.prepare('INSERT INTO media_files (meeting_id, path, duration_s) VALUES (?, ?, ?)').run(lastInsertRowid, media.path, media.durationS);
    return Number(lastInsertRowid);
  })();
  return getMeeting(db, id);
}

export function updateMeeting(db: Database, meetingId: number, m: MeetingInput): Meeting {
  meetingRow(db, meetingId);
  db.prepare('UPDATE meetings SET title = ?, body = ?, date = ?, place = ?, updated_at = ? WHERE id = ?').run(
    m.title,
    m.body,
    m.date,
    m.place,
    nowIso(),
    meetingId,
  );
  return getMeeting(db, meetingId);
}

export function setMediaPath(db: Database, meetingId: number, path: string): Meeting {
  db.transaction(() => {
    meetingRow(db, meetingId);
    const media = db.prepare('SELECT id FROM media_files WHERE meeting_id = ? ORDER BY id LIMIT 1').get(meetingId) as
      { id: number } | undefined;
    if (media) db.prepare('UPDATE media_files SET path = ? WHERE id = ?').run(path, media.id);
    else db.prepare('INSERT INTO media_files (meeting_id, path, duration_s) VALUES (?, ?, NULL)').run(meetingId, path);
    touchMeeting(db, meetingId);
  })();
  return getMeeting(db, meetingId);
}

/**
 * Removes the meeting and everything that hangs off it (ON DELETE CASCADE: media rows, speakers,
 * segments, roster, edit history with its before-images, coverage, jobs, corrections, labels, voices
 * confirmed in it). Returns the media paths it named, for the caller to remove the files.
 */
export function deleteMeeting(db: Database, meetingId: number): { mediaPaths: string[]; jobIds: number[] } {
  return db.transaction(() => {
    meetingRow(db, meetingId);
    const mediaPaths = (db.prepare('SELECT path FROM media_files WHERE meeting_id = ?').all(meetingId) as { path: string }[]).map(
      (r) => r.path,
    );
    const jobIds = (db.prepare('SELECT id FROM jobs WHERE meeting_id = ?').all(meetingId) as { id: number }[]).map((r) => r.id);
    db.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId);
    return { mediaPaths, jobIds };
  })();
}

export function mediaPathInUse(db: Database, path: string): boolean {
  return db.prepare('SELECT 1 FROM media_files WHERE path = ? LIMIT 1').get(path) !== undefined;
}

export function touchMeeting(db: Database, meetingId: number): void {
  db.prepare('UPDATE meetings SET updated_at = ? WHERE id = ?').run(nowIso(), meetingId);
}

export function setMeetingStatus(db: Database, meetingId: number, status: MeetingStatus, durationS?: number): void {
  if (durationS === undefined) {
    db.prepare('UPDATE meetings SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(), meetingId);
  } else {
    db.prepare('UPDATE meetings SET status = ?, duration_s = ?, updated_at = ? WHERE id = ?').run(status, durationS, nowIso(), meetingId);
  }
}
