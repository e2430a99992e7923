// Who spoke: the meeting's roster (typed or imported from a file the user chose), names for its
// speakers from the chair's calls and known voices, and the clerk's choices.
import type { SpeakersApi } from '../../common/api';
import type { MeetingStore } from '../../store/meetingStoreContract';
import type { FileRefs } from '../fileRefs';
import { importRosterFile, setSpeakerMember, suggestSpeakerLabels } from './speakerLabels';

export interface SpeakersServiceOptions {
  store: MeetingStore;
  files: FileRefs;
}

export function createSpeakersService({ store, files }: SpeakersServiceOptions): SpeakersApi {
  return {
    async getRoster(meetingId) {
      return store.getRoster(meetingId);
    },
    async saveRoster(meetingId, members) {
      return store.replaceRoster(meetingId, members);
    },
    async importRoster(meetingId, fileRef) {
      store.getMeeting(meetingId);
      return importRosterFile(store, meetingId, files.resolve(fileRef).path);
    },
    async listSpeakerLabels(meetingId) {
      return store.listSpeakerLabels(meetingId);
    },
    async suggestSpeakerLabels(meetingId) {
      return suggestSpeakerLabels(store, meetingId);
    },
    async setSpeakerMember(meetingId, speakerId, rosterId) {
      return setSpeakerMember(store, meetingId, speakerId, rosterId);
    },
    async confirmSpeakers(meetingId) {
      return store.confirmSpeakers(meetingId);
    },
  };
}

/** A new transcript's speakers are named from the chair's calls and known voices when the meeting has a roster. */
export function nameSpeakersAfterImport(store: MeetingStore): (meetingId: number) => void {
  return (meetingId) => {
    if (store.getRoster(meetingId).length === 0) return;
    suggestSpeakerLabels(store, meetingId).catch((e: unknown) => {
      process.stderr.write(`gijiroku: naming the speakers of meeting ${meetingId} failed: ${String(e)}\n`);
    });
  };
}
