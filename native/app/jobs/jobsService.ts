// Transcription jobs: a meeting's recording transcribed in the background by the job runner, with a
// model the gate allows (found in the model folders, its sha256 in the manifest).
import type { JobsApi } from '../../common/api';
import { GijirokuError } from '../../common/errors';
import type { ModelGate } from '../../models/allowedModel';
import type { MeetingStore } from '../../store/meetingStoreContract';
import { isFile } from '../meetingFiles';
import { activeJob, mediaMissing, type JobRunner } from './jobRunner';

export interface JobsServiceOptions {
  store: MeetingStore;
  runner: JobRunner;
  models: ModelGate;
}

export function createJobsService({ store, runner, models }: JobsServiceOptions): JobsApi {
  return {
    async startTranscription(meetingId, modelPath) {
      const meeting = store.getMeeting(meetingId);
      if (!meeting.media || !isFile(meeting.media.path)) {
        throw new GijirokuError('INPUT_NOT_FOUND', mediaMissing(meeting.media?.path ?? ''));
      }
      const model = await models.check(modelPath);
      const active = activeJob(store, meetingId);
      if (active) return active;
      const job = store.createJob(meetingId, model);
      runner.enqueue(job.id);
      return store.getJob(job.id);
    },
    async listJobs() {
      return store.listJobs();
    },
    async cancelJob(jobId) {
      return runner.cancel(jobId);
    },
  };
}
