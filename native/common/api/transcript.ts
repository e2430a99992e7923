// The API's transcript of a meeting and the clerk's work on it: undoable edits, what was listened
// to, the review pass, term corrections, and the ケバ取り spans of the text shown.
import type { DoubtLevel, TermCorrection } from '../transcript';

export interface Token {
  start: number;
  end: number;
  text: string;
  p: number;
  /** from the doubt model (native/doubt): true for 'check' (要確認); absent on transcripts imported before it */
  doubt?: boolean;
  doubtLevel?: DoubtLevel;
}

export interface Speaker {
  id: number;
  meetingId: number;
  /** what the engine called it (S1, S2 …) */
  label: string;
  /** 氏名 and 職名, filled by the clerk */
  name: string;
  role: string;
  color: string;
}

export interface Segment {
  id: number;
  meetingId: number;
  /** position in the meeting; segments are ordered by it */
  seq: number;
  start: number;
  end: number;
  speakerId: number | null;
  /** verbatim text as corrected by the clerk */
  text: string;
  /** tokens of the recognised text; empty once the text no longer matches them */
  tokens: Token[];
  /** speech the engine could not turn into text: shown as a line to listen to while the text is empty */
  unheard?: boolean;
}

export interface TranscriptView {
  meetingId: number;
  segments: Segment[];
  speakers: Speaker[];
  canUndo: boolean;
  canRedo: boolean;
}

/** Every change a clerk makes to a transcript is one of these: stored, undoable, replayable. */
export type EditOp =
  | { kind: 'setText'; segmentId: number; text: string }
  | { kind: 'split'; segmentId: number; offset: number }
  | { kind: 'mergeNext'; segmentId: number }
  | { kind: 'setSpeaker'; segmentId: number; speakerId: number | null }
  | { kind: 'renameSpeaker'; speakerId: number; name: string; role: string }
  /** a new speaker of the meeting, labelled with the next free S1, S2 … and given an unused colour */
  | { kind: 'addSpeaker'; name: string; role: string }
  | { kind: 'mergeSpeakers'; fromSpeakerId: number; intoSpeakerId: number }
  | { kind: 'replaceAll'; find: string; replace: string; regex: boolean; caseSensitive: boolean };

export interface EditResult {
  /** segments changed or created by the edit, in their new state */
  changed: Segment[];
  /** segments that no longer exist */
  removedIds: number[];
  speakers: Speaker[];
  canUndo: boolean;
  canRedo: boolean;
  /** for replaceAll: how many replacements */
  count: number;
}

/** Seconds of audio the clerk actually listened to, merged. */
export type Coverage = [number, number][];

/** One stretch of the review pass: 要確認 words (or unheard speech) with 0.5 s around them, fixed when the transcript was imported. */
export interface ReviewStretch {
  id: number;
  start: number;
  end: number;
  /** the clerk heard it and pressed Enter */
  confirmed: boolean;
}

/** The review pass of a meeting, in time order, and the coverage (confirmed stretches count as listened). */
export interface ReviewState {
  stretches: ReviewStretch[];
  listened: Coverage;
}

/** A term-dictionary correction kept with the transcript; offsets are in the segment's text as stored at import. */
export interface StoredCorrection extends Omit<TermCorrection, 'segment'> {
  id: number;
  segmentId: number;
  /** the clerk dismissed the suggestion */
  dismissed: boolean;
}

/** A stretch of verbatim text that ケバ取り removes; offsets into the text given. */
export interface CleanSpan {
  start: number;
  end: number;
  rule: string;
}

export interface TranscriptApi {
  getTranscript(meetingId: number): Promise<TranscriptView>;
  applyEdit(meetingId: number, op: EditOp): Promise<EditResult>;
  undo(meetingId: number): Promise<EditResult>;
  redo(meetingId: number): Promise<EditResult>;
  recordListened(meetingId: number, from: number, to: number): Promise<Coverage>;
  getCoverage(meetingId: number): Promise<Coverage>;
  // the review pass (issue 15): doubtful stretches the clerk has confirmed
  getReview(meetingId: number): Promise<ReviewState>;
  /** the clerk has heard (and fixed) the stretch: kept, and counted as listened */
  confirmReviewStretch(meetingId: number, stretchId: number): Promise<ReviewState>;
  /** term corrections of the meeting's transcript (applied and suggested, dismissed ones too) */
  listCorrections(meetingId: number): Promise<StoredCorrection[]>;
  /** hides a suggestion for good */
  dismissCorrection(meetingId: number, correctionId: number): Promise<StoredCorrection[]>;
  /** what ケバ取り removes from each text, with the council's rules */
  cleanTexts(texts: string[]): Promise<CleanSpan[][]>;
}

export const TRANSCRIPT_METHODS = [
  'getTranscript',
  'applyEdit',
  'undo',
  'redo',
  'recordListened',
  'getCoverage',
  'getReview',
  'confirmReviewStretch',
  'listCorrections',
  'dismissCorrection',
  'cleanTexts',
] as const satisfies readonly (keyof TranscriptApi)[];
