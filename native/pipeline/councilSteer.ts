// The app's steer for a meeting, from the store: the council's name with the meeting's 会議体, and
// the council's enabled terms. The import job (through the CLI) and the recorder both ask here.
import type { TermEntry } from '../dictionary/termEntry';
import type { MeetingStore } from '../store/meetingStoreContract';
import type { MeetingSteer } from './meetingPrompt';

export function councilSteer(store: Pick<MeetingStore, 'listTerms' | 'getCouncilSettings'>, meetingBody: string): MeetingSteer {
  // the council's name and the meeting's body tell whisper the register (never a name built into the app)
  const body = [store.getCouncilSettings().councilName, meetingBody]
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ');
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
