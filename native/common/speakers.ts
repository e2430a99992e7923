// The speaker contract shared by diarization (native/diarize), the roster and
// voiceprint logic (native/speakers), the CLI, the store and the export.
// Imports nothing: every process may depend on it.

/** A stretch of audio attributed to one voice cluster. Seconds from the start of the recording. */
export interface SpeakerTurn {
  start: number;
  end: number;
  /** cluster id: 'S1', 'S2' … in order of first appearance */
  speaker: string;
}

/** One voice found in a recording. */
export interface VoiceCluster {
  /** 'S1', 'S2' … (the ids used in SpeakerTurn.speaker and TranscriptSegment.speaker) */
  id: string;
  /** total speaking time in seconds */
  seconds: number;
  /** L2-normalised mean speaker embedding (CAM++, 192 values); compare with cosine similarity */
  embedding: number[];
}

export interface DiarizationResult {
  turns: SpeakerTurn[];
  speakers: VoiceCluster[];
}

/** One attendee of a meeting (the 出席者 list a clerk writes in Excel). */
export interface RosterMember {
  /** 氏名: 鈴木健太郎 */
  name: string;
  /** よみ in hiragana: すずきけんたろう */
  yomi: string;
  /** 職名: 議長, 副議長, 委員長, 委員, 議員, 区長, 保育課長 … */
  role: string;
  /** 議席番号 for members ('5'), empty for officials */
  seat: string;
  /** speaker mark in the minutes: ○, ◆ or ◎; empty = chosen by the house style */
  mark: string;
}

/** How a voice cluster got its name, for the clerk to see and correct. */
export type SpeakerLabelSource = 'roster-call' | 'voiceprint' | 'clerk';

export interface SpeakerLabel {
  /** cluster id */
  speaker: string;
  /** index into the roster */
  member: number;
  source: SpeakerLabelSource;
  /** 0..1 */
  confidence: number;
  /** why, in words the clerk reads: 「委員長の指名『鈴木委員。』の直後の発言」 */
  reason: string;
}

/** A roster entry as stored for a meeting. */
export interface RosterRow extends RosterMember {
  id: number;
}

/** Who a meeting's speaker (api.ts Speaker) is, as stored: the roster entry, how it was found, how sure. */
export interface SpeakerLabelRow {
  speakerId: number;
  /** null: the label's roster entry was removed, or the clerk cleared it */
  rosterId: number | null;
  source: SpeakerLabelSource;
  confidence: number;
  reason: string;
}
