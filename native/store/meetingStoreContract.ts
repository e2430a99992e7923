// What the SQLite store offers the rest of the Node side (the API service, the
// job runner, the CLI). Implemented by native/store/openStore.ts on better-sqlite3.
import type {
  CouncilSettings, StoredCorrection,
  Coverage, EditOp, EditResult, Job, JobState, Meeting, MeetingInput, MeetingSummary, TranscriptView,
} from '../common/api';
import type { LocalizedText } from '../common/errors';
import type { EngineProgress, Transcript } from '../common/transcript';
import type { TermEntry } from '../dictionary/termEntry';
import type { RosterMember } from '../common/speakers';

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
  /** the meeting's roster rows (for the attendance block of the minutes) */
  minutesRoster(meetingId: number): RosterMember[];
}
