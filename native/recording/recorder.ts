// Recording on the Node side: the page sends PCM chunks (about one a second);
// each is appended to a WAV in <dataDir>/recordings/ and fsync'd, and fed to
// the live draft. Stop makes the recording a meeting whose transcript is the
// draft plus the rest; a recording cut short by a crash becomes a meeting at
// the next start (and is transcribed from its file like an import).
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Meeting, MeetingInput, RecordingApi, RecordingStatus, RecoveredRecording } from '../common/api';
import { GijirokuError, isGijirokuError, type LocalizedText } from '../common/errors';
import { roundToMs } from '../common/roundToMs';
import { SAMPLE_RATE } from '../audio/wavHeader';
import { findVadModels } from '../models/findModels';
import { readModelHeader } from '../models/readModelHeader';
import { councilSteer } from '../pipeline/councilSteer';
import type { MeetingSteer } from '../pipeline/meetingSteer';
import { decodeFor } from '../engine/decodeFor';
import { transcribeMeeting } from '../pipeline/transcribeMeeting';
import type { MeetingStore } from '../store/meetingStoreContract';
import { findWhisperCli } from '../whisper/findWhisperCli';
import { LiveDraft } from './liveDraft';
import { RecordingFile, repairRecordingWav } from './recordingFile';
import {
  listRecordingIds,
  readSidecar,
  recordingPaths,
  recordingsDir,
  writeSidecar,
  type RecordingPaths,
  type RecordingSidecar,
} from './recordingSidecar';
import { mkdirSync } from 'node:fs';

/** getRecording sends the newest lines only: the page polls it every 2 s for hours */
const DRAFT_LINES_SHOWN = 500;

export interface RecorderOptions {
  store: MeetingStore;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** queues a whole-file transcription job (for a recovered recording) */
  transcribe(meetingId: number, model: string): Promise<unknown>;
  /** after a recording's transcript is stored */
  onImported?: (meetingId: number) => void;
}

/** the recording domain of the API (native/common/api/recording.ts), and what the service calls at start and close */
export interface Recorder extends RecordingApi {
  /** makes every recording a crash left behind into a meeting; call once at start */
  recoverInterrupted(): RecoveredRecording[];
  /** ends recordings in progress (their files stay, recovered at the next start) and stops drafting */
  close(): Promise<void>;
}

interface Session {
  id: number;
  paths: RecordingPaths;
  sidecar: RecordingSidecar;
  file: RecordingFile;
  draft: LiveDraft | null;
  /** what the meeting's transcription is told and corrected with, as at the start */
  steer: MeetingSteer;
  /** stops the finish's speaker segmentation when the app closes */
  abort: AbortController;
  state: RecordingStatus['state'];
  finishing: Promise<void> | null;
}

export function createRecorder(opts: RecorderOptions): Recorder {
  const { store } = opts;
  const env = opts.env ?? process.env;
  const sessions = new Map<number, Session>();
  const recovered: RecoveredRecording[] = [];
  let closed = false;

  const session = (id: number): Session => {
    const s = sessions.get(id);
    if (!s) throw recordingNotFound(id);
    return s;
  };

  const status = (s: Session): RecordingStatus => ({
    recordingId: s.id,
    state: s.state,
    durationS: roundToMs(s.file.durationS),
    draft: (s.draft?.lines() ?? []).slice(-DRAFT_LINES_SHOWN),
    draftLagS: roundToMs(s.draft?.lagS() ?? 0),
    meetingId: s.sidecar.meetingId,
  });

  const finalize = async (s: Session, meetingId: number, draft: LiveDraft): Promise<void> => {
    const job = store.createJob(meetingId, s.sidecar.model);
    store.updateJob(job.id, { state: 'running' });
    try {
      const { transcript } = await transcribeMeeting({
        audio: {
          kind: 'recording',
          wavPath: s.paths.wav,
          samples: s.file.samples,
          model: s.sidecar.model,
          language: draft.language,
          finish: (onAdvance) => draft.finish(onAdvance),
        },
        steer: s.steer,
        speakers: { count: null },
        layersInChild: true,
        env: opts.env,
        signal: s.abort.signal,
        onProgress: (progress) => {
          // called from whisper-cli's output handler: a throw here would take the app down
          try {
            store.updateJob(job.id, { progress });
          } catch (e) {
            process.stderr.write(`gijiroku: recording ${s.id}: progress not saved: ${String(e)}\n`);
          }
        },
      });
      store.importTranscript(meetingId, transcript);
      opts.onImported?.(meetingId);
      store.updateJob(job.id, { state: 'done', progress: { stage: 'done', progress: 1, eta_s: 0 }, error: null });
      s.state = 'done';
      rmSync(s.paths.draftDir, { recursive: true, force: true });
    } catch (e) {
      // closing the app: the job stays 'running' and the job runner transcribes the file at the next start
      if (closed) return;
      s.state = 'failed';
      store.updateJob(job.id, { state: 'failed', error: errorText(e) });
    }
  };

  return {
    recoverInterrupted() {
      for (const id of listRecordingIds(opts.dataDir)) {
        const paths = recordingPaths(opts.dataDir, id);
        const sidecar = readSidecar(paths.sidecar);
        if (sidecar?.meetingId != null) {
          // stopped, then the app ended before the draft was finished: the job runner transcribes the file instead
          rmSync(paths.draftDir, { recursive: true, force: true });
          continue;
        }
        const samples = repairRecordingWav(paths.wav);
        if (samples === 0) {
          // cut short before the first second reached the disk: nothing to offer
          for (const p of [paths.wav, paths.sidecar, paths.draftDir]) rmSync(p, { recursive: true, force: true });
          continue;
        }
        const meeting = sidecar?.meeting ?? defaultMeeting(new Date());
        const durationS = roundToMs(samples / SAMPLE_RATE);
        const created = store.createMeeting(meeting, { path: paths.wav, durationS });
        writeSidecar(paths.sidecar, { meeting, model: sidecar?.model ?? '', startedAt: sidecar?.startedAt ?? '', meetingId: created.id });
        rmSync(paths.draftDir, { recursive: true, force: true });
        recovered.push({ meetingId: created.id, title: created.title, durationS });
        if (sidecar?.model && existsSync(sidecar.model)) {
          opts.transcribe(created.id, sidecar.model).catch((e: unknown) => {
            process.stderr.write(`gijiroku: recovered recording ${id}: transcription not started: ${String(e)}\n`);
          });
        }
      }
      return recovered;
    },

    async startRecording(meetingInput, modelPath) {
      if (closed) throw recordingNotFound(0);
      const model = modelPath ? resolve(modelPath) : '';
      if (model) readModelHeader(model);
      mkdirSync(recordingsDir(opts.dataDir), { recursive: true });
      const now = new Date();
      const meeting = withDefaults(meetingInput, now);
      const id = Math.max(0, ...listRecordingIds(opts.dataDir), ...sessions.keys()) + 1;
      const paths = recordingPaths(opts.dataDir, id);
      const sidecar: RecordingSidecar = { meeting, model, startedAt: now.toISOString(), meetingId: null };
      const file = RecordingFile.create(paths.wav);
      writeSidecar(paths.sidecar, sidecar);
      // the prompt and the corrections of an imported meeting, fixed for the whole recording as for a job
      const steer = councilSteer(store, meeting.body);
      const draft = model ? startDraft(paths, model, env) : null;
      const s: Session = { id, paths, sidecar, file, draft, steer, abort: new AbortController(), state: 'recording', finishing: null };
      sessions.set(id, s);
      return status(s);
    },

    async appendRecording(recordingId, pcmBase64) {
      const s = session(recordingId);
      if (s.state !== 'recording') throw recordingNotFound(recordingId);
      const pcm = Buffer.from(pcmBase64, 'base64');
      if (pcm.length % 2 !== 0) {
        throw new GijirokuError('BAD_ARGUMENTS', {
          ja: '音声データの長さが正しくありません。',
          en: 'The audio chunk has an odd number of bytes.',
        });
      }
      s.file.append(pcm);
      try {
        s.draft?.accept(pcm);
      } catch (e) {
        // the draft is a convenience: the recording goes on without it
        process.stderr.write(`gijiroku: live draft stopped: ${String(e)}\n`);
        s.draft?.cancel();
        s.draft = null;
      }
      return { durationS: roundToMs(s.file.durationS) };
    },

    async getRecording(recordingId) {
      return status(session(recordingId));
    },

    async stopRecording(recordingId) {
      const s = session(recordingId);
      if (s.state !== 'recording') return store.getMeeting(s.sidecar.meetingId ?? 0);
      s.file.close();
      const meeting = store.createMeeting(s.sidecar.meeting, { path: s.paths.wav, durationS: roundToMs(s.file.durationS) });
      s.sidecar = { ...s.sidecar, meetingId: meeting.id };
      writeSidecar(s.paths.sidecar, s.sidecar);
      if (s.draft && s.file.samples > 0) {
        s.state = 'finishing';
        s.finishing = finalize(s, meeting.id, s.draft);
      } else {
        s.draft?.cancel();
        s.state = 'done';
      }
      return withPresence(store.getMeeting(meeting.id));
    },

    async listRecoveredRecordings() {
      return recovered;
    },

    async close() {
      closed = true;
      for (const s of sessions.values()) {
        s.draft?.cancel();
        s.abort.abort();
        if (s.state === 'recording') s.file.close();
      }
      await Promise.all([...sessions.values()].map((s) => s.finishing));
    },
  };
}

function startDraft(paths: RecordingPaths, model: string, env: NodeJS.ProcessEnv): LiveDraft | null {
  const vadModels = findVadModels(env);
  if (vadModels.length === 0) return null;
  try {
    const decode = decodeFor(model);
    return new LiveDraft({ wavPath: paths.wav, workDir: paths.draftDir, model, vadModels, whisperBinary: findWhisperCli().path, decode });
  } catch (e) {
    process.stderr.write(`gijiroku: recording without a live draft: ${String(e)}\n`);
    return null;
  }
}

function withDefaults(m: MeetingInput, now: Date): MeetingInput {
  const d = defaultMeeting(now);
  return { ...m, title: m.title.trim() || d.title, date: m.date || d.date };
}

/** 録音 2026-11-26 14:05, in local time */
function defaultMeeting(now: Date): MeetingInput {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
  return { title: `録音 ${date} ${p(now.getHours())}:${p(now.getMinutes())}`, body: '', date, place: '' };
}

function withPresence(m: Meeting): Meeting {
  return m.media ? { ...m, media: { ...m.media, present: existsSync(m.media.path) } } : m;
}

function recordingNotFound(id: number): GijirokuError {
  return new GijirokuError('RECORDING_NOT_FOUND', {
    ja: `録音（ID ${id}）は進行中ではありません。`,
    en: `Recording ${id} is not in progress.`,
  });
}

function errorText(e: unknown): LocalizedText {
  if (isGijirokuError(e)) return e.text;
  const msg = e instanceof Error ? e.message : String(e);
  return { ja: `録音の文字起こしに失敗しました（${msg}）。`, en: `Transcribing the recording failed (${msg}).` };
}
