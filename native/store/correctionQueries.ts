// Term corrections of a meeting's transcript: stored at import (offsets moved into the
// text as stored, i.e. after the applied ones), listed for the editor, dismissed by the clerk.
import type { Database } from 'better-sqlite3';
import type { StoredCorrection } from '../common/api';
import type { TermCorrection } from '../common/transcript';
import { meetingRow } from './meetingQueries';
import { invalidInputError } from './storeErrors';

interface CorrectionRow {
  id: number;
  segment_id: number;
  start_char: number;
  end_char: number;
  from_text: string;
  to_text: string;
  term: string;
  applied: number;
  dismissed: number;
}

const COLUMNS = 'id, segment_id, start_char, end_char, from_text, to_text, term, applied, dismissed';

function toCorrection(r: CorrectionRow): StoredCorrection {
  return {
    id: r.id,
    segmentId: r.segment_id,
    start: r.start_char,
    end: r.end_char,
    from: r.from_text,
    to: r.to_text,
    term: r.term,
    applied: r.applied === 1,
    dismissed: r.dismissed === 1,
  };
}

/**
 * The engine gives offsets in the text as recognised; the stored text has the applied
 * replacements in it, so every later offset in the segment moves by their change in length.
 * A correction that does not fit the stored text is dropped rather than shown in the wrong place.
 */
export function correctionsInStoredText(text: string, corrections: readonly TermCorrection[]): Array<TermCorrection> {
  const out: TermCorrection[] = [];
  let delta = 0;
  for (const c of [...corrections].sort((a, b) => a.start - b.start)) {
    const start = c.start + delta;
    const shown = c.applied ? c.to : c.from;
    if (c.applied) delta += c.to.length - (c.end - c.start);
    if (text.slice(start, start + shown.length) !== shown) continue;
    out.push({ ...c, start, end: start + shown.length });
  }
  return out;
}

/** Replaces the meeting's corrections; `segments` pairs the engine's segment ids with stored ids and texts. */
export function storeCorrections(
  db: Database,
  meetingId: number,
  corrections: readonly TermCorrection[],
  segments: ReadonlyMap<number, { id: number; text: string }>,
): void {
  db.prepare('DELETE FROM corrections WHERE meeting_id = ?').run(meetingId);
  const insert = db.prepare(`INSERT INTO corrections (meeting_id, segment_id, start_char, end_char, from_text, to_text, term, applied)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const bySegment = new Map<number, TermCorrection[]>();
  // the transcript may come from a JSON file: a malformed entry is skipped, not stored
  for (const c of corrections.filter(wellFormed)) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
  for (const [engineId, list] of bySegment) {
    const seg = segments.get(engineId);
    if (!seg) continue;
    for (const c of correctionsInStoredText(seg.text, list)) {
      insert.run(meetingId, seg.id, c.start, c.end, c.from, c.to, c.term, c.applied ? 1 : 0);
    }
  }
}

function wellFormed(c: unknown): c is TermCorrection {
  const o = c as Partial<TermCorrection> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    Number.isInteger(o.segment) &&
    Number.isInteger(o.start) &&
    Number.isInteger(o.end) &&
    o.start! >= 0 &&
    o.end! >= o.start! &&
    typeof o.from === 'string' &&
    typeof o.to === 'string' &&
    o.to !== '' &&
    typeof o.term === 'string' &&
    typeof o.applied === 'boolean'
  );
}

export function listCorrections(db: Database, meetingId: number): StoredCorrection[] {
  meetingRow(db, meetingId);
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM corrections WHERE meeting_id = ? ORDER BY segment_id, start_char, id`)
    .all(meetingId) as CorrectionRow[];
  return rows.map(toCorrection);
}

export function dismissCorrection(db: Database, meetingId: number, correctionId: number): StoredCorrection[] {
  return db.transaction(() => {
    const r = db.prepare('UPDATE corrections SET dismissed = 1 WHERE id = ? AND meeting_id = ?').run(correctionId, meetingId);
    if (r.changes === 0) {
      throw invalidInputError(
        `no correction ${correctionId} in meeting ${meetingId}`,
        `会議 ${meetingId} に訂正 ${correctionId} はありません`,
      );
    }
    return listCorrections(db, meetingId);
  })();
}
