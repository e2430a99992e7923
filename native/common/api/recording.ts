// The API's recording in the app: audio appended every second and on disk, a live draft, the
// recording made a meeting at stop, and recordings recovered after a crash.
import type { Meeting, MeetingInput } from './meetings';

/** A recording in progress (or finishing) and its live draft. */
export interface RecordingStatus {
  recordingId: number;
  /** recording: audio is being appended; finishing: stopped, the rest is being transcribed; done/failed: see the meeting */
  state: 'recording' | 'finishing' | 'done' | 'failed';
  /** seconds of audio on disk */
  durationS: number;
  /** the transcript so far (its newest 500 lines): stretches of speech that a pause closed */
  draft: { start: number; end: number; text: string }[];
  /** how far the draft runs behind the recording, seconds */
  draftLagS: number;
  /** set once the recording has become a meeting */
  meetingId: number | null;
}

/** A recording cut short by a crash or power loss, made into a meeting at this start. */
export interface RecoveredRecording {
  meetingId: number;
  title: string;
  durationS: number;
}

export interface RecordingApi {
  /** starts recording into the data folder; modelPath '' records without a live draft */
  startRecording(meeting: MeetingInput, modelPath: string): Promise<RecordingStatus>;
  /** appends 16 kHz mono s16le PCM (base64); on disk and fsync'd when this returns */
  appendRecording(recordingId: number, pcmBase64: string): Promise<{ durationS: number }>;
  getRecording(recordingId: number): Promise<RecordingStatus>;
  /** the recording becomes a meeting; its transcript is the draft plus the rest, finished in the background */
  stopRecording(recordingId: number): Promise<Meeting>;
  /** recordings recovered at this start, for the library to say so */
  listRecoveredRecordings(): Promise<RecoveredRecording[]>;
}

export const RECORDING_METHODS = [
  'startRecording',
  'appendRecording',
  'getRecording',
  'stopRecording',
  'listRecoveredRecordings',
] as const satisfies readonly (keyof RecordingApi)[];
