// The Node-side implementation of GijirokuApi: what the page asks for, checked
// against the file system and carried out on the store and the job runner.
// Electron main and the browser bridge only forward calls to it.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { GijirokuApi, Job, Meeting, ModelInfo } from '../common/api';
import { GijirokuError } from '../common/errors';
import { unsafePattern } from '../common/regexSafety';
import { inspectInput } from '../audio/inspectInput';
import { findModels } from '../models/findModels';
import { createModelGate, unlistedModelsAllowed } from '../models/allowedModel';
import { importModelFile } from '../models/importModel';
import { readModelManifest } from '../models/modelManifest';
import type { MeetingStore } from '../store/meetingStoreContract';
import { createJobRunner, mediaMissing } from './jobRunner';
import { createFileRefs } from './fileRefs';
import { expireJobFolders, insideDataFolder, removeMeetingFiles } from './meetingFiles';
import { createRegexRunner } from './regexRunner';
import { copyIntoMedia } from './mediaCopy';
import { meetingExportBytes } from './meetingExport';
import { probeDuration } from './probeDuration';
import { importTermFile, termFileBytes, toTermRow } from './termFiles';
import { importRosterFile, setSpeakerMember, suggestSpeakerLabels } from './speakerLabels';
import { createRecorder } from '../recording/recorder';

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
  const { store } = opts;
  const user = opts.user ?? osUser(opts.env ?? process.env);
  mkdirSync(opts.dataDir, { recursive: true });
  // a new transcript's speakers are named from the chair's calls and known voices when the meeting has a roster
  const nameSpeakers = (meetingId: number): void => {
    if (store.getRoster(meetingId).length === 0) return;
    suggestSpeakerLabels(store, meetingId).catch((e: unknown) => {
      process.stderr.write(`gijiroku: naming the speakers of meeting ${meetingId} failed: ${String(e)}\n`);
    });
  };
  const runner = createJobRunner({ store, dataDir: opts.dataDir, cliPath: opts.cliPath, env: opts.env, onImported: nameSpeakers });
  runner.resumeUnfinished();
  expireJobFolders(store, opts.dataDir);
  // ケバ取り and regex replace-all run in a worker thread with a deadline (regexRunner.ts)
  const cleanup = createRegexRunner(opts.regexDeadlinesMs);

  /** models imported at first run live in <dataDir>/models, searched after the installed and configured ones */
  const importedModels = join(opts.dataDir, 'models');
  const modelsEnv: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), GIJIROKU_EXTRA_MODELS_DIR: importedModels };

  const withPresence = (m: Meeting): Meeting =>
    m.media ? { ...m, media: { ...m.media, present: isFile(m.media.path) } } : m;

  const files = createFileRefs(opts.dataDir);
  const models = createModelGate(modelsEnv);
  const mediaDir = join(opts.dataDir, 'media');

  /** the file must exist, be readable and hold audio (its duration comes from the header); a picked one is copied in */
  const checkMedia = async (ref: string): Promise<{ path: string; durationS: number | null }> => {
    const { path, picked } = files.resolve(ref);
    inspectInput(path);
    const durationS = await probeDuration(path);
    return { path: picked ? await copyIntoMedia(path, mediaDir) : path, durationS };
  };

  const recorder = createRecorder({ store, dataDir: opts.dataDir, env: opts.env, onImported: nameSpeakers,
    transcribe: (meetingId, model) => service.startTranscription(meetingId, model) });

  const service: ApiService = {
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
      if (before && before !== media.path && insideDataFolder(opts.dataDir, before) && !store.mediaPathInUse(before)) rmSync(before, { force: true });
      return withPresence(relinked);
    },
    async listModels() {
      return findModels(modelsEnv).map((m): ModelInfo => ({ path: m.path, name: m.name, sizeBytes: m.size, languages: m.languages }));
    },
    async startTranscription(meetingId, modelPath) {
      const meeting = store.getMeeting(meetingId);
      if (!meeting.media || !isFile(meeting.media.path)) {
        throw new GijirokuError('INPUT_NOT_FOUND', mediaMissing(meeting.media?.path ?? ''));
      }
      const model = await models.check(modelPath);
      const active = store.listJobs().find((j) => j.meetingId === meetingId && isActive(j));
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
    async getTranscript(meetingId) {
      return store.getTranscript(meetingId);
    },
    async applyEdit(meetingId, op) {
      if (op.kind !== 'replaceAll' || !op.regex) return store.applyEdit(meetingId, op);
      const unsafe = unsafePattern(op.find);
      if (unsafe) throw new GijirokuError('BAD_ARGUMENTS', unsafe);
      store.getMeeting(meetingId);
      return cleanup.replaceAll(store.path, meetingId, op);
    },
    async undo(meetingId) {
      return store.undo(meetingId);
    },
    async redo(meetingId) {
      return store.redo(meetingId);
    },
    async recordListened(meetingId, from, to) {
      return store.recordListened(meetingId, from, to);
    },
    async getCoverage(meetingId) {
      return store.getCoverage(meetingId);
    },
    async getReview(meetingId) {
      return store.getReview(meetingId);
    },
    async confirmReviewStretch(meetingId, stretchId) {
      return store.confirmReviewStretch(meetingId, stretchId);
    },
    async mediaUrl(meetingId) {
      store.getMeeting(meetingId);
      return opts.mediaUrl(meetingId);
    },
    async listTerms() {
      return store.listTerms().map(toTermRow);
    },
    async importTerms(fileRef, mode) {
      return importTermFile(store, files.resolve(fileRef).path, mode);
    },
    async exportTermsBase64(format, encoding) {
      return termFileBytes(store, format, encoding).toString('base64');
    },
    async saveTerm(term) {
      return toTermRow(store.saveTerm(term));
    },
    async deleteTerm(termId) {
      store.deleteTerm(termId);
    },

    async listCorrections(meetingId) {
      return store.listCorrections(meetingId);
    },
    async dismissCorrection(meetingId, correctionId) {
      return store.dismissCorrection(meetingId, correctionId);
    },
    async getCouncilSettings() {
      return store.getCouncilSettings();
    },
    async saveCouncilSettings(settings) {
      return store.saveCouncilSettings(settings);
    },
    async resetCouncilSettings() {
      return store.resetCouncilSettings();
    },
    async cleanTexts(texts) {
      return cleanup.cleanTexts(texts, store.getCouncilSettings().cleanupRules);
    },
    async exportMeetingBase64(meetingId, format, text) {
      return (await meetingExportBytes(store, cleanup, meetingId, format, text)).toString('base64');
    },
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
    async importModel(fileRef) {
      const imported = await importModelFile(files.resolve(fileRef).path, importedModels, readModelManifest(opts.env), unlistedModelsAllowed(modelsEnv));
      const info = findModels(modelsEnv).find((m) => m.path === imported.path);
      if (!info) throw new Error(`imported model not found at ${imported.path}`);
      return { path: info.path, name: info.name, sizeBytes: info.size, languages: info.languages };
    },
    async close() {
      await recorder.close();
      await runner.close();
      await cleanup.close();
    },
    async deleteMeeting(meetingId) {
      store.getMeeting(meetingId);
      if (store.listJobs().some((j) => j.meetingId === meetingId && isActive(j))) {
        throw new GijirokuError('BAD_ARGUMENTS', {
          ja: 'この会議は文字起こし中のため削除できません。文字起こしを中止してから削除してください。',
          en: 'This meeting is being transcribed, so it cannot be deleted. Cancel the transcription first.',
        });
      }
      const { mediaPaths } = store.deleteMeeting(meetingId);
      removeMeetingFiles(store, opts.dataDir, meetingId, mediaPaths);
    },
    async getSettings() {
      return store.getSettings(user);
    },
    async saveSettings(changes) {
      return store.saveSettings(user, changes);
    },
    async importBrowserSettings(saved) {
      return store.importBrowserSettings(user, saved);
    },
    async getPlaybackPosition(meetingId) {
      return store.getPlaybackPosition(user, meetingId);
    },
    async savePlaybackPosition(meetingId, seconds) {
      store.savePlaybackPosition(user, meetingId, seconds);
    },
    grantFile: (path) => files.grant(path),
    // a live draft loads the model too: the same gate as a transcription
    startRecording: async (meeting, modelPath) => recorder.startRecording(meeting, modelPath === '' ? '' : await models.check(modelPath)),
    appendRecording: recorder.appendRecording,
    getRecording: recorder.getRecording,
    stopRecording: recorder.stopRecording,
    listRecoveredRecordings: recorder.listRecoveredRecordings,
  };
  recorder.recoverInterrupted();
  return service;
}

/** the account name: on a PC shared by several clerks each has their own settings in a shared data folder */
function osUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    // no passwd entry (a container, a removed account): the environment's name, else one shared set
    return env['USERNAME'] ?? env['USER'] ?? '';
  }
}

function isActive(job: Job): boolean {
  return job.state === 'queued' || job.state === 'running';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
