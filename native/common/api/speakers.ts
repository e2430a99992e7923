// The API's who-spoke: the meeting's roster, names for its speakers, voices already known.
import type { RosterMember, RosterRow, SpeakerLabelRow } from '../speakers';
import type { FileRef } from './files';

export interface SpeakersApi {
  getRoster(meetingId: number): Promise<RosterRow[]>;
  saveRoster(meetingId: number, members: RosterMember[]): Promise<RosterRow[]>;
  /** reads a roster TSV/CSV (UTF-8 or Shift_JIS); any bad line refuses the whole file, naming every bad line */
  importRoster(meetingId: number, file: FileRef): Promise<RosterRow[]>;
  listSpeakerLabels(meetingId: number): Promise<SpeakerLabelRow[]>;
  /** names speakers from the chair's calls and from voices confirmed in earlier meetings; never overrides the clerk */
  suggestSpeakerLabels(meetingId: number): Promise<SpeakerLabelRow[]>;
  /** the clerk's choice of roster entry for a speaker (null clears it); renames the speaker as an undoable edit */
  setSpeakerMember(meetingId: number, speakerId: number, rosterId: number | null): Promise<SpeakerLabelRow[]>;
  /** the clerk has checked who spoke: keeps each named speaker's voice for later meetings */
  confirmSpeakers(meetingId: number): Promise<{ stored: number }>;
}

export const SPEAKERS_METHODS = [
  'getRoster',
  'saveRoster',
  'importRoster',
  'listSpeakerLabels',
  'suggestSpeakerLabels',
  'setSpeakerMember',
  'confirmSpeakers',
] as const satisfies readonly (keyof SpeakersApi)[];
