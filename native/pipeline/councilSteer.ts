// The app's steer for a meeting, from the store: the meeting's 会議体 and the council's enabled terms.
// The import job (through the CLI) and the recorder both ask here.
import type { TermEntry } from '../dictionary/termEntry';
import type { MeetingStore } from '../store/meetingStoreContract';
import type { MeetingSteer } from './meetingSteer';

export function councilSteer(store: Pick<MeetingStore, 'listTerms'>, meetingBody: string): MeetingSteer {
  const body = meetingBody.trim();
  const terms = store
    .listTerms()
    .filter((t) => t.enabled)
    .map(({ surface, reading, kind, misrecognitions, enabled, note }): TermEntry => ({
      surface,
      reading,
      kind,
      misrecognitions,
      enabled,
      note,
    }));
  return { body, terms };
}
