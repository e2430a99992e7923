// The transcript contract shared by the engine, the CLI, the store and the UI.
// Imports nothing: every process may depend on it.

export const TRANSCRIPT_VERSION = 1;

export interface TranscriptToken {
  /** seconds from the start of the recording */
  start: number;
  end: number;
  text: string;
  /** whisper's token probability, 0..1 */
  p: number;
  /** set by native/doubt scoreDoubt: true when the word is in the review pass (doubtLevel 'check') */
  doubt?: boolean;
  doubtLevel?: DoubtLevel;
}

/**
 * How much the clerk should doubt a word: 'check' (要確認) words are played by the review pass
 * and counted on the timeline; 'maybe' (念のため) words are only shown, for a clerk with time to spare.
 */
export type DoubtLevel = 'check' | 'maybe' | 'none';

export interface TranscriptSegment {
  id: number;
  start: number;
  end: number;
  /** filled by speaker segmentation; null until then */
  speaker: string | null;
  text: string;
  /** the text after ケバ取り (fillers removed), when asked for; `text` stays verbatim */
  clean?: string;
  tokens: TranscriptToken[];
  /**
   * A stretch of speech that no decoding turned into text: `text` is empty and the
   * clerk is shown it as something to listen to. Never exported as text.
   */
  unheard?: boolean;
  /**
   * Another decoding of the same audio (another beam, without the prompt…), where the engine
   * made one: words where the two readings disagree are doubtful. Absent when there was none.
   */
  secondReading?: string;
}

export interface TruncationInfo {
  /** what the container header promised, in seconds */
  expected_duration: number;
  /** what could actually be decoded, in seconds */
  decoded_duration: number;
}

export interface TranscriptTiming {
  decode_s: number;
  vad_s: number;
  asr_s: number;
  /** speaker segmentation, when it ran */
  speakers_s?: number;
  total_s: number;
}

export interface Transcript {
  version: typeof TRANSCRIPT_VERSION;
  audio: { path: string; duration: number; truncated: TruncationInfo | null };
  model: { path: string; name: string };
  language: string;
  segments: TranscriptSegment[];
  timing: TranscriptTiming;
  /** what the engine dropped or repaired, for the user to see */
  notices: EngineNotice[];
  /** term-dictionary corrections: applied ones are in the text, the rest are suggestions */
  corrections?: TermCorrection[];
  /** voices found by speaker segmentation, in order of first appearance; absent when it did not run */
  speakers?: TranscriptSpeaker[];
}

export interface TranscriptSpeaker {
  /** cluster id used in TranscriptSegment.speaker: 'S1', 'S2' … */
  id: string;
  /** what the minutes call the speaker; the id until someone names it */
  label: string;
  /** total speaking time */
  seconds: number;
  /** the voice's L2-normalised mean CAM++ embedding (192 values), for recognising it in later meetings */
  embedding?: number[];
}

export interface TermCorrection {
  /** segment id */
  segment: number;
  /** character offsets in the recognised text */
  start: number;
  end: number;
  from: string;
  to: string;
  /** the dictionary entry's 表記 */
  term: string;
  /** true: replaced in the text; false: a suggestion for the clerk */
  applied: boolean;
}

export type EngineNoticeKind =
  | 'truncated'
  | 'loop-removed'
  | 'phantom-removed'
  | 'piece-retried'
  | 'speakers-unavailable'
  /** a speech region without text after the first decoding, decoded again on its own */
  | 'region-redecoded'
  /** a speech region still without text: an `unheard` segment marks it */
  | 'unheard'
  /** a piece drifted into another language or stock phrases and was decoded again without the prompt */
  | 'language-drift';

export interface EngineNotice {
  kind: EngineNoticeKind;
  /** seconds in the recording the notice is about */
  start: number;
  end: number;
  detail: string;
}

export interface EngineProgress {
  stage: 'decode' | 'vad' | 'asr' | 'speakers' | 'done';
  /** whole job, 0..1 */
  progress: number;
  /** seconds left, null while unknown */
  eta_s: number | null;
}
