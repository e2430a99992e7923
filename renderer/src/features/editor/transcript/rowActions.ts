import type { PlaybackClock } from '../playback/playbackClock';
import type { EditSession } from '../state/editSession';

/** What a transcript row may do; one stable object for all rows, so rows stay memoised. */
export interface RowActions {
  session: EditSession;
  clock: PlaybackClock;
  seekAndPlay(time: number): void;
  /** a click in a segment's text: moves playback there unless that segment is already playing */
  onTextClick(segmentIndex: number, time: number): void;
  setTurnSpeaker(segmentIndex: number, speakerId: number | null): void;
  /** creates a speaker (one edit), then gives it the turn (as setTurnSpeaker) */
  addTurnSpeaker(segmentIndex: number, name: string, role: string): void;
  /** textareas of the rows currently rendered, for focusing after split, find and F8 */
  textareas: Map<number, HTMLTextAreaElement>;
}
