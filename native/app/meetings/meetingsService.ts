// The meetings: the library, a meeting's details, its recording (checked, a picked file copied into the
// data folder, the duration read by the decoder) and deleting a meeting for good.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Meeting, MeetingsApi } from '../../common/api';
import { GijirokuError } from '../../common/errors';
import { inspectInput } from '../../audio/inspectInput';
import type { MeetingStore } from '../../store/meetingStoreContract';
import type { FileRefs } from '../fileRefs';
import { activeJob } from '../jobs/jobRunner';
import { insideDataFolder, isFile, removeMeetingFiles } from '../meetingFiles';
import { copyIntoMedia } from './mediaCopy';
import { probeDuration } from './probeDuration';

export interface MeetingsServiceOptions {
  store: MeetingStore;
  dataDir: string;
  files: FileRefs;
  /** the URL the page's <audio> uses for a meeting's recording (bridge: its /media path; Electron: the app protocol) */
  mediaUrl: (meetingId: number) => string;
}

export function createMeetingsService({ store, dataDir, files, mediaUrl }: MeetingsServiceOptions): MeetingsApi {
  const mediaDir = join(dataDir, 'media');
  const withPresence = (m: Meeting): Meeting => (m.media ? { ...m, media: { ...m.media, present: isFile(m.media.path) } } : m);

  /** the file must exist, be readable and hold audio (its duration comes from the header); a picked one is copied in */
  const checkMedia = async (ref: string): Promise<{ path: string; durationS: number | null }> => {
    const { path, picked } = files.resolve(ref);
    inspectInput(path);
    const durationS = await probeDuration(path);
    return { path: picked ? await copyIntoMedia(path, mediaDir) : path, durationS };
  };

  return {
    async listMeetings(query) {
      return store.listMeetings(query.trim());
    },
    async createMeeting(meeting, mediaRef) {
      const media = await checkMedia(mediaRef);
      return withPresence(store.createMeeting(meeting, media));
    },
    async getMeeting(meetingId) {
      return withPresence(store.getMeeting(meetingId));
    },
    async updateMeeting(meetingId, meeting) {
      return withPresence(store.updateMeeting(meetingId, meeting));
    },
    async relinkMedia(meetingId, mediaRef) {
      const before = store.getMeeting(meetingId).media?.path;
      const media = await checkMedia(mediaRef);
      const relinked = store.setMediaPath(meetingId, media.path);
      // the copy it replaces goes, unless another meeting still plays it
      if (before && before !== media.path && insideDataFolder(dataDir, before) && !store.mediaPathInUse(before))
        rmSync(before, { force: true });
      return withPresence(relinked);
    },
    async mediaUrl(meetingId) {
      store.getMeeting(meetingId);
      return mediaUrl(meetingId);
    },
    async deleteMeeting(meetingId) {
      store.getMeeting(meetingId);
      if (activeJob(store, meetingId)) {
        throw new GijirokuError('BAD_ARGUMENTS', {
          ja: 'この会議は文字起こし中のため削除できません。文字起こしを中止してから削除してください。',
          en: 'This meeting is being transcribed, so it cannot be deleted. Cancel the transcription first.',
        });
      }
      const { mediaPaths } = store.deleteMeeting(meetingId);
      removeMeetingFiles(store, dataDir, meetingId, mediaPaths);
    },
  };
}
