// Row shapes as SQLite returns them, and their mapping to the API types.
import { existsSync } from 'node:fs';
import type { Job, JobState, MediaFile, MeetingStatus, MeetingSummary, Segment, Speaker, Token } from '../common/api';
import type { LocalizedText } from '../common/errors';
import type { DoubtLevel, EngineProgress } from '../common/transcript';

export interface MeetingRow {
  id: number;
  title: string;
  body: string;
  date: string;
  place: string;
  status: MeetingStatus;
  duration_s: number | null;
  created_at: string;
  updated_at: string;
}

export interface MediaRow {
  id: number;
  meeting_id: number;
  path: string;
  duration_s: number | null;
}

/** Key order matters: edit images compare rows field by field in this order. */
export interface SegmentRow {
  id: number;
  meeting_id: number;
  seq: number;
  start_s: number;
  end_s: number;
  speaker_id: number | null;
  text: string;
  /** tokens as JSON, compact: [[start, end, text, p], …] (half the size of objects, twice as fast to read) */
  tokens: string;
  /** 1: speech the engine could not turn into text (see migration 0006) */
  unheard: number;
}

export interface SpeakerRow {
  id: number;
  meeting_id: number;
  label: string;
  name: string;
  role: string;
  color: string;
}

export interface JobRow {
  id: number;
  meeting_id: number;
  state: JobState;
  model: string;
  progress: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export const SEGMENT_COLUMNS = 'id, meeting_id, seq, start_s, end_s, speaker_id, text, tokens, unheard';
export const SPEAKER_COLUMNS = 'id, meeting_id, label, name, role, color';

export function toSegment(r: SegmentRow): Segment {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    seq: r.seq,
    start: r.start_s,
    end: r.end_s,
    speakerId: r.speaker_id,
    text: r.text,
    tokens: decodeTokens(r.tokens),
    ...(r.unheard ? { unheard: true } : {}),
  };
}

/** the doubt level as stored: 0 none, 1 maybe (念のため), 2 check (要確認); absent when the transcript had none */
type StoredToken = [start: number, end: number, text: string, p: number, doubt?: 0 | 1 | 2];
const DOUBT_CODES: readonly DoubtLevel[] = ['none', 'maybe', 'check'];

export function encodeTokens(tokens: readonly Token[]): string {
  return JSON.stringify(
    tokens.map((t): StoredToken =>
      t.doubtLevel === undefined
        ? [t.start, t.end, t.text, t.p]
        : [t.start, t.end, t.text, t.p, DOUBT_CODES.indexOf(t.doubtLevel) as 0 | 1 | 2],
    ),
  );
}

export function decodeTokens(json: string): Token[] {
  return (JSON.parse(json) as StoredToken[]).map(([start, end, text, p, doubt]) => {
    if (doubt === undefined) return { start, end, text, p };
    const doubtLevel = DOUBT_CODES[doubt] ?? 'none';
    return { start, end, text, p, doubt: doubtLevel === 'check', doubtLevel };
  });
}

export function toSpeaker(r: SpeakerRow): Speaker {
  return { id: r.id, meetingId: r.meeting_id, label: r.label, name: r.name, role: r.role, color: r.color };
}

export function toMeetingSummary(r: MeetingRow, match: string | null): MeetingSummary {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    date: r.date,
    place: r.place,
    status: r.status,
    durationS: r.duration_s,
    updatedAt: r.updated_at,
    match,
  };
}

export function toMediaFile(r: MediaRow): MediaFile {
  return { id: r.id, meetingId: r.meeting_id, path: r.path, durationS: r.duration_s, present: existsSync(r.path) };
}

export function toJob(r: JobRow): Job {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    state: r.state,
    model: r.model,
    progress: r.progress === null ? null : (JSON.parse(r.progress) as EngineProgress),
    error: r.error === null ? null : (JSON.parse(r.error) as LocalizedText),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export function nowIso(): string {
  return new Date().toISOString();
}
