// The clerk's edits. Each op reads the rows it touches and describes them before and after
// (RowChanges); editHistory writes and stores that in the same transaction.
import type { Database } from 'better-sqlite3';
import type { EditOp, EditResult, Token } from '../common/api';
import { characterBoundary, keepTokens, splitTokens } from './alignTokens';
import { RowChanges, editResult, recordEdit } from './editHistory';
import { meetingRow } from './meetingQueries';
import { unusedSpeakerColor } from './speakerColors';
import { badRegexError, invalidInputError, notFoundError } from './storeErrors';
import { SEGMENT_COLUMNS, SPEAKER_COLUMNS, decodeTokens, encodeTokens, type SegmentRow, type SpeakerRow } from './storeRows';

/** Gap between neighbouring seq values at import; a split takes the midpoint. */
export const SEQ_STEP = 1024;

export function applyEdit(db: Database, meetingId: number, op: EditOp): EditResult {
  return db.transaction(() => {
    meetingRow(db, meetingId);
    const changes = new RowChanges();
    const count = planEdit(db, meetingId, op, changes);
    const images = changes.images();
    if (!images) return editResult(db, meetingId, null, count);
    recordEdit(db, meetingId, op, images);
    return editResult(db, meetingId, images.after, count);
  })();
}

function planEdit(db: Database, meetingId: number, op: EditOp, changes: RowChanges): number {
  switch (op.kind) {
    case 'setText': {
      const s = segmentRow(db, meetingId, op.segmentId);
      changes.segment(s.id, s, withText(s, op.text));
      return 0;
    }
    case 'split':
      planSplit(db, meetingId, op.segmentId, op.offset, changes);
      return 0;
    case 'mergeNext': {
      const a = segmentRow(db, meetingId, op.segmentId);
      const b = db
        .prepare(
          `SELECT ${SEGMENT_COLUMNS} FROM segments WHERE meeting_id = ? AND (seq > ? OR (seq = ? AND id > ?))
        ORDER BY seq, id LIMIT 1`,
        )
        .get(meetingId, a.seq, a.seq, a.id) as SegmentRow | undefined;
      if (!b)
        throw invalidInputError('the last segment has no next segment to merge with', '最後の発言には、結合できる次の発言がありません');
      const tokens = [...parseTokens(a), ...parseTokens(b)];
      changes.segment(a.id, a, {
        ...a,
        start_s: Math.min(a.start_s, b.start_s),
        end_s: Math.max(a.end_s, b.end_s),
        text: a.text + b.text,
        tokens: encodeTokens(tokens),
      });
      changes.segment(b.id, b, null);
      return 0;
    }
    case 'setSpeaker': {
      const s = segmentRow(db, meetingId, op.segmentId);
      if (op.speakerId !== null) speakerRow(db, meetingId, op.speakerId);
      changes.segment(s.id, s, { ...s, speaker_id: op.speakerId });
      return 0;
    }
    case 'renameSpeaker': {
      const sp = speakerRow(db, meetingId, op.speakerId);
      changes.speaker(sp.id, sp, { ...sp, name: op.name, role: op.role });
      return 0;
    }
    case 'addSpeaker': {
      const existing = db.prepare(`SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE meeting_id = ?`).all(meetingId) as SpeakerRow[];
      const id = nextId(db, 'speakers');
      changes.speaker(id, null, {
        id,
        meeting_id: meetingId,
        label: freeLabel(existing.map((sp) => sp.label)),
        name: op.name,
        role: op.role,
        color: unusedSpeakerColor(existing.map((sp) => sp.color)),
      });
      return 0;
    }
    case 'mergeSpeakers': {
      if (op.fromSpeakerId === op.intoSpeakerId)
        throw invalidInputError('a speaker cannot be merged into itself', '同じ話者どうしは統合できません');
      const from = speakerRow(db, meetingId, op.fromSpeakerId);
      speakerRow(db, meetingId, op.intoSpeakerId);
      const rows = db
        .prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE meeting_id = ? AND speaker_id = ?`)
        .all(meetingId, from.id) as SegmentRow[];
      for (const s of rows) changes.segment(s.id, s, { ...s, speaker_id: op.intoSpeakerId });
      changes.speaker(from.id, from, null);
      return rows.length;
    }
    case 'replaceAll':
      return planReplaceAll(db, meetingId, op, changes);
  }
}

function planSplit(db: Database, meetingId: number, segmentId: number, rawOffset: number, changes: RowChanges): void {
  const s = segmentRow(db, meetingId, segmentId);
  const offset = characterBoundary(s.text, rawOffset);
  if (offset <= 0 || offset >= s.text.length) {
    throw invalidInputError(
      `split offset ${rawOffset} must be inside the text (1…${s.text.length - 1})`,
      `分割位置 ${rawOffset} は本文の途中（1〜${s.text.length - 1}）でなければなりません`,
    );
  }
  let seq = s.seq;
  let newSeq = seqAfter(db, meetingId, s.seq, s.id);
  if (newSeq === null) {
    seq = renumber(db, meetingId, changes, s.id);
    newSeq = seqAfter(db, meetingId, seq, s.id, changes) ?? seq + SEQ_STEP / 2;
  }
  const parts = splitTokens(parseTokens(s), s.text, offset, s.start_s, s.end_s);
  const first: SegmentRow = {
    ...s,
    seq,
    end_s: parts.time,
    text: s.text.slice(0, offset),
    tokens: encodeTokens(parts.first),
  };
  const id = nextId(db, 'segments');
  const second: SegmentRow = {
    id,
    meeting_id: meetingId,
    seq: newSeq,
    start_s: parts.time,
    end_s: s.end_s,
    speaker_id: s.speaker_id,
    text: s.text.slice(offset),
    tokens: encodeTokens(parts.second),
    unheard: s.unheard,
  };
  changes.segment(s.id, s, first);
  changes.segment(id, null, second);
}

/**
 * The midpoint between a segment's seq and the next one's, or null when floating point has no
 * room left there (about 40 splits in the same place); the caller then renumbers the meeting.
 */
function seqAfter(db: Database, meetingId: number, seq: number, id: number, renumbered?: RowChanges): number | null {
  let next: number | undefined;
  if (renumbered) {
    for (const { after } of renumbered.segments.values()) {
      if (after && after.seq > seq && (next === undefined || after.seq < next)) next = after.seq;
    }
  } else {
    const row = db
      .prepare('SELECT seq FROM segments WHERE meeting_id = ? AND (seq > ? OR (seq = ? AND id > ?)) ORDER BY seq, id LIMIT 1')
      .get(meetingId, seq, seq, id) as { seq: number } | undefined;
    next = row?.seq;
  }
  if (next === undefined) return seq + SEQ_STEP;
  const mid = seq + (next - seq) / 2;
  return mid > seq && mid < next ? mid : null;
}

/** Spreads the meeting's seq values SEQ_STEP apart again, as part of the edit; returns the new seq of `id`. */
function renumber(db: Database, meetingId: number, changes: RowChanges, id: number): number {
  const rows = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE meeting_id = ? ORDER BY seq, id`).all(meetingId) as SegmentRow[];
  let seqOfId = 0;
  rows.forEach((r, i) => {
    const seq = (i + 1) * SEQ_STEP;
    if (r.id === id) seqOfId = seq;
    changes.segment(r.id, r, { ...r, seq });
  });
  return seqOfId;
}

function planReplaceAll(db: Database, meetingId: number, op: Extract<EditOp, { kind: 'replaceAll' }>, changes: RowChanges): number {
  const flags = `gu${op.caseSensitive ? '' : 'i'}`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(op.regex ? op.find : op.find.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), flags);
  } catch (e) {
    throw badRegexError(op.find, e);
  }
  const rows = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE meeting_id = ? ORDER BY seq, id`).all(meetingId) as SegmentRow[];
  let count = 0;
  for (const s of rows) {
    // matchAll and replace walk the same matches (empty ones too), so the count is exact;
    // plain mode inserts the replacement literally, regex mode expands $1, $& … as JS does
    const here = [...s.text.matchAll(pattern)].length;
    if (here === 0) continue;
    count += here;
    const text = op.regex ? s.text.replace(pattern, op.replace) : s.text.replace(pattern, () => op.replace);
    changes.segment(s.id, s, withText(s, text));
  }
  return count;
}

function withText(s: SegmentRow, text: string): SegmentRow {
  if (text === s.text) return s;
  return { ...s, text, tokens: encodeTokens(keepTokens(parseTokens(s), text)) };
}

function parseTokens(s: SegmentRow): Token[] {
  return decodeTokens(s.tokens);
}

function segmentRow(db: Database, meetingId: number, id: number): SegmentRow {
  const row = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = ? AND meeting_id = ?`).get(id, meetingId) as
    SegmentRow | undefined;
  if (!row) throw notFoundError('segment', id);
  return row;
}

function speakerRow(db: Database, meetingId: number, id: number): SpeakerRow {
  const row = db.prepare(`SELECT ${SPEAKER_COLUMNS} FROM speakers WHERE id = ? AND meeting_id = ?`).get(id, meetingId) as
    SpeakerRow | undefined;
  if (!row) throw notFoundError('speaker', id);
  return row;
}

/** The first of S1, S2 … that no speaker of the meeting is labelled with. */
function freeLabel(labels: readonly string[]): string {
  const taken = new Set(labels);
  let n = 1;
  while (taken.has(`S${n}`)) n++;
  return `S${n}`;
}

/** The id AUTOINCREMENT would give the next row, so the edit's after image can name it before it exists. */
function nextId(db: Database, table: 'segments' | 'speakers'): number {
  const r = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as { seq: number } | undefined;
  const max = db.prepare(`SELECT MAX(id) AS id FROM ${table}`).get() as { id: number | null };
  return Math.max(r?.seq ?? 0, max.id ?? 0) + 1;
}
