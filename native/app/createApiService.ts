// The Node-side implementation of GijirokuApi, composed from one service per domain (meetings/,
// jobs/, transcript/, terms/, speakers/, recording/, settings/, models/, export/) over what they share:
// the store, the job runner, the recorder, the regex worker, the model gate and the page's file handles.
// Electron main and the browser bridge only forward calls to it.
import { mkdirSync } from 'node:fs';
import type { GijirokuApi } from '../common/api';
import { createModelGate } from '../models/allowedModel';
import type { MeetingStore } from '../store/meetingStoreContract';
import { createRecorder } from '../recording/recorder';
import { createExportService } from './export/exportService';
import { createFileRefs } from './fileRefs';
import { createJobRunner } from './jobs/jobRunner';
import { createJobsService } from './jobs/jobsService';
import { createMeetingsService } from './meetings/meetingsService';
import { expireJobFolders } from './meetingFiles';
import { appModelsEnv, createModelsService } from './models/modelsService';
import { createRecordingService } from './recording/recordingService';
import { createRegexRunner } from './regexRunner';
import { createSettingsService, osUser } from './settings/settingsService';
import { createSpeakersService, nameSpeakersAfterImport } from './speakers/speakersService';
import { createTermsService } from './terms/termsService';
import { createTranscriptService } from './transcript/transcriptService';

export interface ApiServiceOptions {
  store: MeetingStore;
  dataDir: string;
  /** the URL the page's <audio> uses for a meeting's recording (bridge: with its token; Electron: the app protocol) */
  mediaUrl: (meetingId: number) => string;
  /** how long user regexes may run (regexRunner.ts); tests shorten them */
  regexDeadlinesMs?: { clean: number; replace: number };
  /** the CLI entry script, for tests; defaults to bin/gijiroku.js */
  cliPath?: string;
  /** whose settings the page reads and writes; defaults to the OS account running the app */
  user?: string;
  env?: NodeJS.ProcessEnv;
}

export type ApiService = GijirokuApi & {
  close(): Promise<void>;
  /** main side only, never the page: a one-time handle for a file the user chose in a dialog that main ran */
  grantFile(path: string): string;
};

export function createApiService(opts: ApiServiceOptions): ApiService {
  const { store, dataDir } = opts;
  const env = opts.env ?? process.env;
  mkdirSync(dataDir, { recursive: true });
  const nameSpeakers = nameSpeakersAfterImport(store);
  const runner = createJobRunner({ store, dataDir, cliPath: opts.cliPath, env: opts.env, onImported: nameSpeakers });
  runner.resumeUnfinished();
  expireJobFolders(store, dataDir);
  // ケバ取り and regex replace-all run in a worker thread with a deadline (regexRunner.ts)
  const regex = createRegexRunner(opts.regexDeadlinesMs);
  const files = createFileRefs(dataDir);
  const models = createModelGate(appModelsEnv(dataDir, env));
  const jobs = createJobsService({ store, runner, models });
  const recorder = createRecorder({ store, dataDir, env: opts.env, onImported: nameSpeakers, transcribe: jobs.startTranscription });

  const service: ApiService = {
    ...createMeetingsService({ store, dataDir, files, mediaUrl: opts.mediaUrl }),
    ...jobs,
    ...createTranscriptService({ store, regex }),
    ...createTermsService({ store, files }),
    ...createSpeakersService({ store, files }),
    ...createRecordingService({ recorder, models }),
    ...createSettingsService({ store, user: opts.user ?? osUser(env) }),
    ...createModelsService({ dataDir, files, env }),
    ...createExportService({ store, cleanup: regex }),
    grantFile: (path) => files.grant(path),
    async close() {
      await recorder.close();
      await runner.close();
      await regex.close();
    },
  };
  recorder.recoverInterrupted();
  return service;
}
