// What the SQLite store offers the rest of the Node side (the API service, the
// job runner, the CLI). Implemented by native/store/openStore.ts on better-sqlite3.
import type {
  CouncilSettings,
  StoredCorrection,
  Coverage,
  EditOp,
  EditResult,
  Job,
  JobState,
  Meeting,
  MeetingInput,
  MeetingSummary,
  ReviewState,
  TranscriptView,
} from '../common/api';
import type { LocalizedText } from '../common/errors';
import type { AppSettings, BrowserSettings } from '../common/settings';
import type { EngineProgress, Transcript } from '../common/transcript';
import type { TermEntry } from '../dictionary/termEntry';
import type { RosterMember, RosterRow, SpeakerLabelRow, SpeakerLabelSource } from '../common/speakers';

/** a stored term of the dictionary */
export type TermEntryRow = TermEntry & { id: number };

export interface MeetingStore {
  /** the SQLite file; WAL and foreign keys on; migrated to the current schema on open */
  readonly path: string;
  close(): void;

  createMeeting(meeting: MeetingInput, media: { path: string; durationS: number | null }): Meeting;
  getMeeting(meetingId: number): Meeting;
  updateMeeting(meetingId: number, meeting: MeetingInput): Meeting;
  setMediaPath(meetingId: number, path: string): Meeting;
  /** the meeting and all its rows, in one transaction; deleted content is overwritten (secure_delete) and the WAL truncated */
  deleteMeeting(meetingId: number): { mediaPaths: string[]; jobIds: number[] };
  /** whether any meeting still names this media file */
  mediaPathInUse(path: string): boolean;
  /** '' lists all, newest first; otherwise FTS5 trigram over titles and transcript text (LIKE for 1–2 characters) */
  listMeetings(query: string): MeetingSummary[];

  /** replaces the meeting's transcript with the engine's result (speakers from `speaker`, tokens kept); clears undo history */
  importTranscript(meetingId: number, transcript: Transcript): TranscriptView;
  getTranscript(meetingId: number): TranscriptView;
  /** applies and records one edit in a single transaction: durable when this returns */
  applyEdit(meetingId: number, op: EditOp): EditResult;
  undo(meetingId: number): EditResult;
  redo(meetingId: number): EditResult;

  recordListened(meetingId: number, from: number, to: number): Coverage;
  getCoverage(meetingId: number): Coverage;
  /** the review pass: its stretches are set when a transcript is imported; a confirmed one counts as listened */
  confirmReviewStretch(meetingId: number, stretchId: number): ReviewState;
  getReview(meetingId: number): ReviewState;

  createJob(meetingId: number, model: string): Job;
  updateJob(jobId: number, patch: { state?: JobState; progress?: EngineProgress | null; error?: LocalizedText | null }): Job;
  getJob(jobId: number): Job;
  listJobs(): Job[];
  /** jobs left 'queued' or 'running' by a closed or crashed app: resumed at the next start */
  unfinishedJobs(): Job[];

  /** the term dictionary, by reading */
  listTerms(): TermEntryRow[];
  /** one transaction: merge adds or updates by 表記+よみ; replace also deletes terms not in `entries` */
  replaceTerms(entries: TermEntry[], mode: 'merge' | 'replace'): { added: number; updated: number };
  /** adds (no id) or changes (id) one term; 表記+よみ must stay unique */
  saveTerm(entry: TermEntry & { id?: number }): TermEntryRow;
  deleteTerm(termId: number): void;

  /** term corrections stored with the last imported transcript */
  listCorrections(meetingId: number): StoredCorrection[];
  dismissCorrection(meetingId: number, correctionId: number): StoredCorrection[];
  /** ケバ取り rules and 会議録 style; defaults until saved */
  getCouncilSettings(): CouncilSettings;
  saveCouncilSettings(settings: CouncilSettings): CouncilSettings;
  resetCouncilSettings(): CouncilSettings;
  // who spoke: the meeting's roster, speaker labels and the voices of confirmed people (native/store/speakerQueries.ts)
  getRoster(meetingId: number): RosterRow[];
  replaceRoster(meetingId: number, members: RosterMember[]): RosterRow[];
  listSpeakerLabels(meetingId: number): SpeakerLabelRow[];
  /** records who a speaker is and renames the speaker (an undoable edit); rosterId null clears it */
  setSpeakerLabel(
    meetingId: number,
    speakerId: number,
    label: { rosterId: number | null; source: SpeakerLabelSource; confidence: number; reason: string },
  ): SpeakerLabelRow[];
  /** diarization's per-cluster embeddings, keyed by speaker label (S1 …) */
  setSpeakerEmbeddings(meetingId: number, byLabel: Record<string, number[]>): void;
  /** stores each labelled speaker's voice for later meetings */
  confirmSpeakers(meetingId: number): { stored: number };
  /** names speakers whose voice was confirmed in another meeting */
  labelKnownVoices(meetingId: number): SpeakerLabelRow[];

  // settings (native/common/settings.ts): `user` is the OS account, council-scope keys are shared by all users
  getSettings(user: string): AppSettings;
  saveSettings(user: string, changes: Partial<AppSettings>): AppSettings;
  importBrowserSettings(user: string, saved: BrowserSettings): AppSettings;
  getPlaybackPosition(user: string, meetingId: number): number;
  savePlaybackPosition(user: string, meetingId: number, seconds: number): void;
}
