// What the user told us about a meeting that steers its transcript: the 会議体 (printed in the 会議録) and the
// council's terms (corrected after decoding). Neither goes into whisper's prompt: on the corpus's check half a
// prompt (council-style, the meeting's title, or the terms that fit) did not lower the error rate with beam
// search and raised it on one meeting by half (native/whisper/decodeOptions.ts, bench/tune/).
import type { TermEntry } from '../dictionary/termEntry';

export interface MeetingSteer {
  /** the meeting's 会議体 (厚生委員会); '' when not known */
  body: string;
  /** the council's terms (a disabled one is ignored) */
  terms: TermEntry[];
}

export const NO_STEER: MeetingSteer = { body: '', terms: [] };
