// Undo/redo history. Each edit is stored with before and after images of every row it
// touched (null: the row does not exist on that side), so undo writes the before image back
// and redo the after image. History is strictly last-in first-out, which keeps the images valid.
import type { Database } from 'better-sqlite3';
import type { EditOp, EditResult } from '../common/api';
import { touchMeeting } from './meetingQueries';
import { SPEAKER_COLUMNS, nowIso, toSegment, toSpeaker, type SegmentRow, type SpeakerRow } from './storeRows';

export interface RowImage {
  segments: [number, SegmentRow | null][];
  speakers: [number, SpeakerRow | null][];
}

/** Rows an edit touches, before and after; built by the edit, then stored and applied here. */
export class RowChanges {
  readonly segments = new Map<number, { before: SegmentRow | null; after: SegmentRow | null }>();
  readonly speakers = new Map<number, { before: SpeakerRow | null; after: SpeakerRow | null }>();

  segment(id: number, before: SegmentRow | null, after: SegmentRow | null): void {
    const had = this.segments.get(id);
    this.segments.set(id, { before: had ? had.before : before, after });
  }

  speaker(id: number, before: SpeakerRow | null, after: SpeakerRow | null): void {
    const had = this.speakers.get(id);
    this.speakers.set(id, { before: had ? had.before : before, after });
  }

  /** drops rows whose before and after are equal; returns the two images */
  images(): { before: RowImage; after: RowImage } | null {
    const before: RowImage = { segments: [], speakers: [] };
    const after: RowImage = { segments: [], speakers: [] };
    for (const [id, c] of this.segments) {
      if (sameRow(c.before, c.after)) continue;
      before.segments.push([id, c.before]);
      after.segments.push([id, c.after]);
    }
    for (const [id, c] of this.speakers) {
      if (sameRow(c.before, c.after)) continue;
      before.speakers.push([id, c.before]);
      after.speakers.push([id, c.after]);
    }
    return before.segments.length + before.speakers.length === 0 ? null : { before, after };
  }
}

function sameRow<T extends object>(a: T | null, b: T | null): boolean {
  if (a === null || b === null) return a === b;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => ra[k] === rb[k]);
}

/**
 * Writes an image. Order keeps foreign keys valid at every step: speakers that exist afterwards
 * first, then segments, then the speakers that go away (no segment points at them any more).
 */
export function writeImage(db: Database, meetingId: number, image: RowImage): void {
  const upsertSpeaker = db.prepare(`
    INSERT INTO speakers (${SPEAKER_COLUMNS}) VALUES (@id, @meeting_id, @label, @name, @role, @color)
    ON CONFLICT (id) DO UPDATE SET label = excluded.label, name = excluded.name, role = excluded.role, color = excluded.color
    WHERE meeting_id = excluded.meeting_id`);
  const upsertSegment = db.prepare(`
    INSERT INTO segments (id, meeting_id, seq, start_s, end_s, speaker_id, text, tokens, unheard)
    VALUES (@id, @meeting_id, @seq, @start_s, @end_s, @speaker_id, @text, @tokens, @unheard)
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, start_s = excluded.start_s, end_s = excluded.end_s,
      speaker_id = excluded.speaker_id, text = excluded.text, tokens = excluded.tokens, unheard = excluded.unheard
    WHERE meeting_id = excluded.meeting_id`);
  const deleteSegment = db.prepare('DELETE FROM segments WHERE id = ? AND meeting_id = ?');
  const deleteSpeaker = db.prepare('DELETE FROM speakers WHERE id = ? AND meeting_id = ?');

  for (const [, row] of image.speakers) if (row) upsertSpeaker.run(row);
  for (const [id, row] of image.segments) if (!row) deleteSegment.run(id, meetingId);
  // images written before migration 0006 have no unheard field
  for (const [, row] of image.segments) if (row) upsertSegment.run({ ...row, unheard: row.unheard ?? 0 });
  for (const [id, row] of image.speakers) if (!row) deleteSpeaker.run(id, meetingId);
}

interface EditRow {
  id: number;
  before: string;
  after: string;
}

/** Applies a new edit's after image and stores it; any redo entries are dropped. Call inside a transaction. */
export function recordEdit(db: Database, meetingId: number, op: EditOp, images: { before: RowImage; after: RowImage }): number {
  writeImage(db, meetingId, images.after);
  db.prepare('DELETE FROM edits WHERE meeting_id = ? AND undone = 1').run(meetingId);
  const { lastInsertRowid } = db
    .prepare(
      `
    INSERT INTO edits (meeting_id, op, before, after, undone, created_at) VALUES (?, ?, ?, ?, 0, ?)`,
    )
    .run(meetingId, JSON.stringify(op), JSON.stringify(images.before), JSON.stringify(images.after), nowIso());
  touchMeeting(db, meetingId);
  return Number(lastInsertRowid);
}

/** Writes back the latest edit's before image; null when there is nothing to undo. Call inside a transaction. */
export function undoLatest(db: Database, meetingId: number): RowImage | null {
  const edit = db
    .prepare('SELECT id, before, after FROM edits WHERE meeting_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1')
    .get(meetingId) as EditRow | undefined;
  if (!edit) return null;
  const image = JSON.parse(edit.before) as RowImage;
  writeImage(db, meetingId, image);
  db.prepare('UPDATE edits SET undone = 1 WHERE id = ?').run(edit.id);
  touchMeeting(db, meetingId);
  return image;
}

/** Writes again the earliest undone edit's after image; null when there is nothing to redo. Call inside a transaction. */
export function redoEarliest(db: Database, meetingId: number): RowImage | null {
  const edit = db
    .prepare('SELECT id, before, after FROM edits WHERE meeting_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1')
    .get(meetingId) as EditRow | undefined;
  if (!edit) return null;
  const image = JSON.parse(edit.after) as RowImage;
  writeImage(db, meetingId, image);
  db.prepare('UPDATE edits SET undone = 0 WHERE id = ?').run(edit.id);
  touchMeeting(db, meetingId);
  return image;
}

export function historyState(db: Database, meetingId: number): { canUndo: boolean; canRedo: boolean } {
  const r = db
    .prepare(
      `
    SELECT EXISTS (SELECT 1 FROM edits WHERE meeting_id = @m AND undone = 0) AS canUndo,
           EXISTS (SELECT 1 FROM edits WHERE meeting_id = @m AND undone = 1) AS canRedo`,
    )
    .get({ m: meetingId }) as { canUndo: number; canRedo: number };
  return { canUndo: r.canUndo === 1, canRedo: r.canRedo === 1 };
}

export function clearHistory(db: Database, meetingId: number): void {
  db.prepare('DELETE FROM edits WHERE meeting_id = ?').run(meetingId);
}

/** What the UI needs after an image was written: the segments as they are now, the ids gone, all speakers. */
export function editResult(db: Database, meetingId: number, image: RowImage | null, count: number): EditResult {
  const changed = image ? image.segments.flatMap(([, row]) => (row ? [toSegment(row)] : [])) : [];
  changed.sort((a, b) => a.seq - b.seq || a.id - b.id);
  const removedIds = image ? image.segments.flatMap(([id, row]) => (row ? [] : [id])) : [];
  return { changed, removedIds, speakers: meetingSpeakers(db, meetingId), ...historyState(db, meetingId), count };
}

export function meetingSpeakers(db: Database, meetingId: number): ReturnType<typeof toSpeaker>[] {
  const rows = db.prepare(`SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE meeting_id = ? ORDER BY id`).all(meetingId) as SpeakerRow[];
  return rows.map(toSpeaker);
}
