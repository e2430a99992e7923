// A meeting's transcript: importing the engine's result and reading it back.
import type { Database } from 'better-sqlite3';
import type { TranscriptView } from '../common/api';
import type { Transcript } from '../common/transcript';
import { SEQ_STEP } from './applyEdit';
import { storeCorrections } from './correctionQueries';
import { clearHistory, historyState, meetingSpeakers } from './editHistory';
import { meetingRow, setMeetingStatus } from './meetingQueries';
import { setReviewStretches } from './reviewQueries';
import { reviewStretchesOf } from '../common/doubtStretches';
import { speakerColor } from './speakerColors';
import { setSpeakerEmbeddings } from './speakerQueries';
import { SEGMENT_COLUMNS, encodeTokens, toSegment, type SegmentRow } from './storeRows';

export function importTranscript(db: Database, meetingId: number, transcript: Transcript): TranscriptView {
  db.transaction(() => {
    meetingRow(db, meetingId);
    clearHistory(db, meetingId);
    db.prepare('DELETE FROM segments WHERE meeting_id = ?').run(meetingId);
    db.prepare('DELETE FROM speakers WHERE meeting_id = ?').run(meetingId);

    const speakerIds = new Map<string, number>();
    const addSpeaker = db.prepare("INSERT INTO speakers (meeting_id, label, name, role, color) VALUES (?, ?, '', '', ?)");
    for (const s of transcript.segments) {
      if (s.speaker === null || speakerIds.has(s.speaker)) continue;
      const { lastInsertRowid } = addSpeaker.run(meetingId, s.speaker, speakerColor(speakerIds.size));
      speakerIds.set(s.speaker, Number(lastInsertRowid));
    }
    const addSegment = db.prepare(`
      INSERT INTO segments (meeting_id, seq, start_s, end_s, speaker_id, text, tokens, unheard) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const stored = new Map<number, { id: number; text: string }>();
    transcript.segments.forEach((s, i) => {
      const { lastInsertRowid } = addSegment.run(
        meetingId,
        (i + 1) * SEQ_STEP,
        s.start,
        s.end,
        s.speaker === null ? null : (speakerIds.get(s.speaker) ?? null),
        s.text,
        encodeTokens(s.tokens),
        s.unheard ? 1 : 0,
      );
      stored.set(s.id, { id: Number(lastInsertRowid), text: s.text });
    });
    storeCorrections(db, meetingId, transcript.corrections ?? [], stored);
    setReviewStretches(db, meetingId, reviewStretchesOf(transcript.segments, transcript.audio.duration || Infinity));
    // diarization's voices, so that confirmed speakers are recognised in later meetings
    const voices = Object.fromEntries((transcript.speakers ?? []).filter((s) => s.embedding?.length).map((s) => [s.id, s.embedding!]));
    if (Object.keys(voices).length > 0) setSpeakerEmbeddings(db, meetingId, voices);
    setMeetingStatus(db, meetingId, 'ready', transcript.audio.duration);
  })();
  return getTranscript(db, meetingId);
}

export function getTranscript(db: Database, meetingId: number): TranscriptView {
  return db.transaction(() => {
    meetingRow(db, meetingId);
    const rows = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE meeting_id = ? ORDER BY seq, id`).all(meetingId) as SegmentRow[];
    return { meetingId, segments: rows.map(toSegment), speakers: meetingSpeakers(db, meetingId), ...historyState(db, meetingId) };
  })();
}
