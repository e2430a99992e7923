// A meeting's roster, who its speakers are (speaker_labels), and the voices of confirmed people.
import type { Database } from 'better-sqlite3';
import type { RosterMember, RosterRow, SpeakerLabelRow, SpeakerLabelSource } from '../common/speakers';
import { printedRole } from '../speakers/rosterMinutes';
import { labelFromVoices, knownVoices, type KnownVoice } from '../speakers/voiceprints';
import { applyEdit } from './applyEdit';
import { meetingRow, touchMeeting } from './meetingQueries';
import { invalidInputError, notFoundError } from './storeErrors';
import { nowIso } from './storeRows';

export function getRoster(db: Database, meetingId: number): RosterRow[] {
  meetingRow(db, meetingId);
  return db.prepare('SELECT id, name, yomi, role, seat, mark FROM roster WHERE meeting_id = ? ORDER BY id').all(meetingId) as RosterRow[];
}

/** The meeting's whole roster, in one transaction; labels pointing at removed entries keep no entry. */
export function replaceRoster(db: Database, meetingId: number, members: RosterMember[]): RosterRow[] {
  db.transaction(() => {
    meetingRow(db, meetingId);
    db.prepare('DELETE FROM roster WHERE meeting_id = ?').run(meetingId);
    const add = db.prepare('INSERT INTO roster (meeting_id, name, yomi, role, seat, mark) VALUES (?, ?, ?, ?, ?, ?)');
    for (const m of members) add.run(meetingId, m.name, m.yomi, m.role, m.seat, m.mark);
    touchMeeting(db, meetingId);
  })();
  return getRoster(db, meetingId);
}

interface LabelDbRow {
  speaker_id: number;
  roster_id: number | null;
  source: SpeakerLabelSource;
  confidence: number;
  reason: string;
}

export function listSpeakerLabels(db: Database, meetingId: number): SpeakerLabelRow[] {
  meetingRow(db, meetingId);
  const rows = db
    .prepare(
      `
    SELECT l.speaker_id, l.roster_id, l.source, l.confidence, l.reason FROM speaker_labels l
    JOIN speakers s ON s.id = l.speaker_id WHERE s.meeting_id = ? AND l.roster_id IS NOT NULL ORDER BY s.id`,
    )
    .all(meetingId) as LabelDbRow[];
  return rows.map((r) => ({
    speakerId: r.speaker_id,
    rosterId: r.roster_id,
    source: r.source,
    confidence: r.confidence,
    reason: r.reason,
  }));
}

function speakerOf(db: Database, meetingId: number, speakerId: number): { id: number; label: string } {
  const s = db.prepare('SELECT id, label FROM speakers WHERE id = ? AND meeting_id = ?').get(speakerId, meetingId) as
    { id: number; label: string } | undefined;
  if (!s) throw notFoundError('speaker', speakerId);
  return s;
}

/**
 * Records who a speaker is and names the speaker after the roster entry (職名, 氏名) through an
 * ordinary renameSpeaker edit, so the clerk can undo it. rosterId null clears the label.
 */
export function setSpeakerLabel(
  db: Database,
  meetingId: number,
  speakerId: number,
  label: { rosterId: number | null; source: SpeakerLabelSource; confidence: number; reason: string },
): SpeakerLabelRow[] {
  db.transaction(() => {
    meetingRow(db, meetingId);
    speakerOf(db, meetingId, speakerId);
    let member: RosterRow | undefined;
    if (label.rosterId !== null) {
      member = db
        .prepare('SELECT id, name, yomi, role, seat, mark FROM roster WHERE id = ? AND meeting_id = ?')
        .get(label.rosterId, meetingId) as RosterRow | undefined;
      if (!member)
        throw invalidInputError(
          `roster entry ${label.rosterId} is not on this meeting's roster`,
          `出席者（ID ${label.rosterId}）はこの会議の名簿にありません`,
        );
    }
    db.prepare(
      `
      INSERT INTO speaker_labels (speaker_id, roster_id, source, confidence, reason) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (speaker_id) DO UPDATE SET roster_id = excluded.roster_id, source = excluded.source,
        confidence = excluded.confidence, reason = excluded.reason`,
    ).run(speakerId, label.rosterId, label.source, Math.min(1, Math.max(0, label.confidence)), label.reason);
    if (member) applyEdit(db, meetingId, { kind: 'renameSpeaker', speakerId, name: member.name, role: printedRole(member) });
  })();
  return listSpeakerLabels(db, meetingId);
}

/** Diarization's per-cluster embeddings, by the speakers' labels (S1, S2 …). */
export function setSpeakerEmbeddings(db: Database, meetingId: number, byLabel: Record<string, number[]>): void {
  db.transaction(() => {
    meetingRow(db, meetingId);
    const speakers = db.prepare('SELECT id, label FROM speakers WHERE meeting_id = ?').all(meetingId) as { id: number; label: string }[];
    const put = db.prepare(`
      INSERT INTO speaker_labels (speaker_id, roster_id, source, confidence, reason, embedding) VALUES (?, NULL, 'clerk', 0, '', ?)
      ON CONFLICT (speaker_id) DO UPDATE SET embedding = excluded.embedding`);
    for (const s of speakers) {
      const e = byLabel[s.label];
      if (e) put.run(s.id, encodeEmbedding(e));
    }
  })();
}

interface EmbeddingDbRow {
  id: number;
  label: string;
  embedding: Buffer | null;
  roster_id: number | null;
}

/**
 * The clerk has checked who spoke: every labelled speaker with a voice gives its person one voice
 * sample from this meeting (replacing an earlier confirmation of the same meeting).
 */
export function confirmSpeakers(db: Database, meetingId: number): { stored: number } {
  return db.transaction(() => {
    meetingRow(db, meetingId);
    const rows = db
      .prepare(
        `
      SELECT s.id, s.label, l.embedding, l.roster_id FROM speakers s JOIN speaker_labels l ON l.speaker_id = s.id
      WHERE s.meeting_id = ? AND l.roster_id IS NOT NULL AND l.embedding IS NOT NULL`,
      )
      .all(meetingId) as EmbeddingDbRow[];
    const roster = new Map(getRoster(db, meetingId).map((r) => [r.id, r]));
    // one sample per person: a person split over two clusters gives the mean of both
    const byPerson = new Map<string, { name: string; yomi: string; sum: number[] }>();
    for (const r of rows) {
      const m = roster.get(r.roster_id!);
      if (!m) continue;
      const e = decodeEmbedding(r.embedding!);
      const p = byPerson.get(`${m.name}\t${m.yomi}`) ?? { name: m.name, yomi: m.yomi, sum: new Array<number>(e.length).fill(0) };
      e.forEach((x, i) => {
        p.sum[i]! += x;
      });
      byPerson.set(`${m.name}\t${m.yomi}`, p);
    }
    const put = db.prepare(`
      INSERT INTO voices (name, yomi, meeting_id, embedding, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (name, yomi, meeting_id) DO UPDATE SET embedding = excluded.embedding, updated_at = excluded.updated_at`);
    for (const p of byPerson.values()) put.run(p.name, p.yomi, meetingId, encodeEmbedding(p.sum), nowIso());
    return { stored: byPerson.size };
  })();
}

/** Every confirmed person's voice (mean of their latest samples), other meetings than `exceptMeetingId`. */
export function listKnownVoices(db: Database, exceptMeetingId: number | null = null): KnownVoice[] {
  const rows = db
    .prepare('SELECT name, yomi, embedding FROM voices WHERE meeting_id IS NOT ? ORDER BY updated_at DESC, id DESC')
    .all(exceptMeetingId) as { name: string; yomi: string; embedding: Buffer }[];
  return knownVoices(rows.map((r) => ({ name: r.name, yomi: r.yomi, embedding: decodeEmbedding(r.embedding) })));
}

/** Names unlabelled speakers (or ones only guessed, never the clerk's) whose voice is known; returns the labels. */
export function labelKnownVoices(db: Database, meetingId: number): SpeakerLabelRow[] {
  db.transaction(() => {
    const roster = getRoster(db, meetingId);
    const rows = db
      .prepare(
        `
      SELECT s.id, s.label, l.embedding, l.roster_id FROM speakers s JOIN speaker_labels l ON l.speaker_id = s.id
      WHERE s.meeting_id = ? AND l.embedding IS NOT NULL AND (l.roster_id IS NULL OR l.source <> 'clerk')`,
      )
      .all(meetingId) as EmbeddingDbRow[];
    const clusters = rows.map((r) => ({ id: String(r.id), embedding: decodeEmbedding(r.embedding!) }));
    const current = new Map(listSpeakerLabels(db, meetingId).map((l) => [l.speakerId, l]));
    for (const l of labelFromVoices(clusters, listKnownVoices(db, meetingId), roster)) {
      const speakerId = Number(l.speaker);
      const before = current.get(speakerId);
      if (before && before.rosterId !== null && before.confidence >= l.confidence) continue;
      setSpeakerLabel(db, meetingId, speakerId, {
        rosterId: roster[l.member]!.id,
        source: l.source,
        confidence: l.confidence,
        reason: l.reason,
      });
    }
  })();
  return listSpeakerLabels(db, meetingId);
}

export function encodeEmbedding(e: readonly number[]): Buffer {
  const b = Buffer.alloc(e.length * 4);
  e.forEach((x, i) => b.writeFloatLE(x, i * 4));
  return b;
}

export function decodeEmbedding(b: Buffer): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i += 4) out.push(b.readFloatLE(i));
  return out;
}
