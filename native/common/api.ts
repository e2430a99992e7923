// The one API between the UI and everything else. The renderer talks to an
// object of type GijirokuApi; Electron's preload and the browser bridge both
// provide it, generated from API_METHODS. Imports only other contract types.
import type { LocalizedText } from './errors';
import type { DoubtLevel, EngineProgress, TermCorrection } from './transcript';
import type { AppSettings, BrowserSettings } from './settings';
import type { RosterMember, RosterRow, SpeakerLabelRow } from './speakers';

export type MeetingStatus = 'new' | 'transcribing' | 'ready' | 'failed';

export interface MeetingInput {
  title: string;
  /** 会議体: 本会議, 厚生委員会 … */
  body: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
  place: string;
}

export interface MeetingSummary extends MeetingInput {
  id: number;
  status: MeetingStatus;
  durationS: number | null;
  updatedAt: string;
  /** for search results: a snippet of matching transcript text */
  match: string | null;
}

export interface MediaFile {
  id: number;
  meetingId: number;
  path: string;
  durationS: number | null;
  /** false when the file was moved or deleted since import */
  present: boolean;
}

export interface Meeting extends MeetingSummary {
  media: MediaFile | null;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  p: number;
  /** from the doubt model (native/doubt): true for 'check' (要確認); absent on transcripts imported before it */
  doubt?: boolean;
  doubtLevel?: DoubtLevel;
}

export interface Speaker {
  id: number;
  meetingId: number;
  /** what the engine called it (S1, S2 …) */
  label: string;
  /** 氏名 and 職名, filled by the clerk */
  name: string;
  role: string;
  color: string;
}

export interface Segment {
  id: number;
  meetingId: number;
  /** position in the meeting; segments are ordered by it */
  seq: number;
  start: number;
  end: number;
  speakerId: number | null;
  /** verbatim text as corrected by the clerk */
  text: string;
  /** tokens of the recognised text; empty once the text no longer matches them */
  tokens: Token[];
  /** speech the engine could not turn into text: shown as a line to listen to while the text is empty */
  unheard?: boolean;
}

export interface TranscriptView {
  meetingId: number;
  segments: Segment[];
  speakers: Speaker[];
  canUndo: boolean;
  canRedo: boolean;
}

/** Every change a clerk makes to a transcript is one of these: stored, undoable, replayable. */
export type EditOp =
  | { kind: 'setText'; segmentId: number; text: string }
  | { kind: 'split'; segmentId: number; offset: number }
  | { kind: 'mergeNext'; segmentId: number }
  | { kind: 'setSpeaker'; segmentId: number; speakerId: number | null }
  | { kind: 'renameSpeaker'; speakerId: number; name: string; role: string }
  /** a new speaker of the meeting, labelled with the next free S1, S2 … and given an unused colour */
  | { kind: 'addSpeaker'; name: string; role: string }
  | { kind: 'mergeSpeakers'; fromSpeakerId: number; intoSpeakerId: number }
  | { kind: 'replaceAll'; find: string; replace: string; regex: boolean; caseSensitive: boolean };

export interface EditResult {
  /** segments changed or created by the edit, in their new state */
  changed: Segment[];
  /** segments that no longer exist */
  removedIds: number[];
  speakers: Speaker[];
  canUndo: boolean;
  canRedo: boolean;
  /** for replaceAll: how many replacements */
  count: number;
}

export interface ModelInfo {
  path: string;
  name: string;
  sizeBytes: number;
  languages: string;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: number;
  meetingId: number;
  state: JobState;
  model: string;
  progress: EngineProgress | null;
  error: LocalizedText | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Seconds of audio the clerk actually listened to, merged. */
export type Coverage = [number, number][];

/** One stretch of the review pass: 要確認 words (or unheard speech) with 0.5 s around them, fixed when the transcript was imported. */
export interface ReviewStretch {
  id: number;
  start: number;
  end: number;
  /** the clerk heard it and pressed Enter */
  confirmed: boolean;
}

/** The review pass of a meeting, in time order, and the coverage (confirmed stretches count as listened). */
export interface ReviewState {
  stretches: ReviewStretch[];
  listened: Coverage;
}

/** 種別 the app suggests (native/dictionary/termEntry.ts TERM_KINDS); a term may have any other, kept as written. */
export const TERM_KIND_NAMES = ['議員名', '役職', '地名', '施設名', '条例名', '行政用語', 'その他'] as const;
export type TermKindName = string;

/** One entry of the council's term dictionary (the shape of native/dictionary TermEntry). */
export interface Term {
  /** 表記: how the minutes write it */
  surface: string;
  /** よみ in hiragana (katakana is converted when saved) */
  reading: string;
  kind: TermKindName;
  /** what whisper wrote instead */
  misrecognitions: string[];
  enabled: boolean;
  note: string;
}

export interface TermRow extends Term {
  id: number;
}

/** merge: add new terms and update those with the same 表記+よみ; replace: the file becomes the whole dictionary */
export type TermImportMode = 'merge' | 'replace';
export type TermFileFormat = 'tsv' | 'csv';
export type TermFileEncoding = 'utf8' | 'utf8bom' | 'shift_jis';

export interface TermImportResult {
  added: number;
  updated: number;
  /** 種別 the app does not know, kept as written; they count as その他 when terms are chosen for the prompt */
  unknownKinds?: string[];
}

// ── ケバ取り, term corrections and export from the app (issue 5) ──

/** A term-dictionary correction kept with the transcript; offsets are in the segment's text as stored at import. */
export interface StoredCorrection extends Omit<TermCorrection, 'segment'> {
  id: number;
  segmentId: number;
  /** the clerk dismissed the suggestion */
  dismissed: boolean;
}

export type CleanupRuleKind = 'filler' | 'repeat' | 'false-start' | 'custom';

/** One ケバ取り rule (the shape of native/cleanup CleanupRule). */
export interface CleanupRuleSetting {
  id: string;
  /** a literal, or /a regular expression/ */
  pattern: string;
  kind: CleanupRuleKind;
  enabled: boolean;
}

/** The council's 会議録 house style (the shape of native/export MinutesStyle). */
export interface MinutesStyleSetting {
  marks: 'circleOnly' | 'byRole';
  honorific: '君' | '議員' | '';
  honorificFor: 'everyone' | 'councillors';
  numerals: 'arabic' | 'kanji';
  text: 'verbatim' | 'clean';
}

export interface CouncilSettings {
  cleanupRules: CleanupRuleSetting[];
  minutesStyle: MinutesStyleSetting;
}

/** A stretch of verbatim text that ケバ取り removes; offsets into the text given. */
export interface CleanSpan {
  start: number;
  end: number;
  rule: string;
}

export type MeetingExportFormat = 'docx' | 'txt' | 'srt' | 'vtt' | 'csv';
export type ExportTextChoice = 'verbatim' | 'clean';

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

/** What a desktop file dialog is asked for (its filters). */
export type PickKind = 'media' | 'terms' | 'roster' | 'model';

/** A file the user chose in the desktop's dialog: a one-time handle (a FileRef) and the file's name to show. */
export interface PickedFile {
  handle: string;
  name: string;
}

/** A file the page may name: `picked:…` (a handle from the desktop's file dialog) or a path inside the data folder (a browser upload). */
export type FileRef = string;

export interface GijirokuApi {
  listMeetings(query: string): Promise<MeetingSummary[]>;
  /**
   * imports the media file (any format ffmpeg reads) into a new meeting. A file argument from the page
   * (FileRef) is a handle the desktop's file dialog returned, or a browser upload's path in the data folder;
   * a picked file is copied into the data folder.
   */
  createMeeting(meeting: MeetingInput, media: FileRef): Promise<Meeting>;
  getMeeting(meetingId: number): Promise<Meeting>;
  updateMeeting(meetingId: number, meeting: MeetingInput): Promise<Meeting>;
  /** points a meeting at its media file again after it was moved or renamed */
  relinkMedia(meetingId: number, media: FileRef): Promise<Meeting>;
  listModels(): Promise<ModelInfo[]>;
  /** modelPath: one of listModels(); a model must be in the manifest unless an administrator allows others */
  startTranscription(meetingId: number, modelPath: string): Promise<Job>;
  listJobs(): Promise<Job[]>;
  cancelJob(jobId: number): Promise<Job>;
  getTranscript(meetingId: number): Promise<TranscriptView>;
  applyEdit(meetingId: number, op: EditOp): Promise<EditResult>;
  undo(meetingId: number): Promise<EditResult>;
  redo(meetingId: number): Promise<EditResult>;
  recordListened(meetingId: number, from: number, to: number): Promise<Coverage>;
  getCoverage(meetingId: number): Promise<Coverage>;
  /** a URL the page's <audio> can play and seek (answers Range requests) */
  mediaUrl(meetingId: number): Promise<string>;

  listTerms(): Promise<TermRow[]>;
  /** reads a TSV/CSV term file (UTF-8 or Shift_JIS); any bad line refuses the whole file, naming every bad line */
  importTerms(file: FileRef, mode: TermImportMode): Promise<TermImportResult>;
  /** the dictionary as a file (base64) for a download: the page never names a place to write */
  exportTermsBase64(format: TermFileFormat, encoding: TermFileEncoding): Promise<string>;
  /** adds a term (no id) or changes one (id) */
  saveTerm(term: Term & { id?: number }): Promise<TermRow>;
  deleteTerm(termId: number): Promise<void>;

  /** term corrections of the meeting's transcript (applied and suggested, dismissed ones too) */
  listCorrections(meetingId: number): Promise<StoredCorrection[]>;
  /** hides a suggestion for good */
  dismissCorrection(meetingId: number, correctionId: number): Promise<StoredCorrection[]>;
  getCouncilSettings(): Promise<CouncilSettings>;
  saveCouncilSettings(settings: CouncilSettings): Promise<CouncilSettings>;
  /** back to DEFAULT_CLEANUP_RULES and the default house style */
  resetCouncilSettings(): Promise<CouncilSettings>;
  /** what ケバ取り removes from each text, with the council's rules */
  cleanTexts(texts: string[]): Promise<CleanSpan[][]>;
  /** the meeting as 会議録 .docx, .txt, .srt, .vtt or .csv (base64) for a download */
  exportMeetingBase64(meetingId: number, format: MeetingExportFormat, text: ExportTextChoice): Promise<string>;
  // who spoke: the meeting's roster, names for its speakers, voices we already know
  getRoster(meetingId: number): Promise<RosterRow[]>;
  saveRoster(meetingId: number, members: RosterMember[]): Promise<RosterRow[]>;
  /** reads a roster TSV/CSV (UTF-8 or Shift_JIS); any bad line refuses the whole file, naming every bad line */
  importRoster(meetingId: number, file: FileRef): Promise<RosterRow[]>;
  listSpeakerLabels(meetingId: number): Promise<SpeakerLabelRow[]>;
  /** names speakers from the chair's calls and from voices confirmed in earlier meetings; never overrides the clerk */
  suggestSpeakerLabels(meetingId: number): Promise<SpeakerLabelRow[]>;
  /** the clerk's choice of roster entry for a speaker (null clears it); renames the speaker as an undoable edit */
  setSpeakerMember(meetingId: number, speakerId: number, rosterId: number | null): Promise<SpeakerLabelRow[]>;
  /** the clerk has checked who spoke: keeps each named speaker's voice for later meetings */
  confirmSpeakers(meetingId: number): Promise<{ stored: number }>;
  /** first run: copies a model (e.g. from a USB stick) into the app's models folder, refused unless its sha256 matches models/manifest.json */
  importModel(file: FileRef): Promise<ModelInfo>;
  /** starts recording into the data folder; modelPath '' records without a live draft */
  startRecording(meeting: MeetingInput, modelPath: string): Promise<RecordingStatus>;
  /** appends 16 kHz mono s16le PCM (base64); on disk and fsync'd when this returns */
  appendRecording(recordingId: number, pcmBase64: string): Promise<{ durationS: number }>;
  getRecording(recordingId: number): Promise<RecordingStatus>;
  /** the recording becomes a meeting; its transcript is the draft plus the rest, finished in the background */
  stopRecording(recordingId: number): Promise<Meeting>;
  /** recordings recovered at this start, for the library to say so */
  listRecoveredRecordings(): Promise<RecoveredRecording[]>;

  // settings kept in SQLite (native/common/settings.ts): the user's own, and the council's where shared
  getSettings(): Promise<AppSettings>;
  /** stores the values given (each in its scope) and returns them all */
  saveSettings(changes: Partial<AppSettings>): Promise<AppSettings>;
  /** takes over what a browser kept in localStorage, only where nothing is stored yet */
  importBrowserSettings(saved: BrowserSettings): Promise<AppSettings>;
  /** where this user left off in the meeting's recording, seconds (0 at first) */
  getPlaybackPosition(meetingId: number): Promise<number>;
  savePlaybackPosition(meetingId: number, seconds: number): Promise<void>;
  // the review pass (issue 15): doubtful stretches the clerk has confirmed
  getReview(meetingId: number): Promise<ReviewState>;
  /** the clerk has heard (and fixed) the stretch: kept, and counted as listened */
  confirmReviewStretch(meetingId: number, stretchId: number): Promise<ReviewState>;
  /**
   * deletes the meeting for good: its rows (transcript, edit history, roster, voices confirmed only in it),
   * its media copy and recording in the data folder, its job folder; refused while it is being transcribed
   */
  deleteMeeting(meetingId: number): Promise<void>;
}

/** The method names, as data: the preload and the bridge client are generated from this list. */
export const API_METHODS = [
  'listMeetings', 'createMeeting', 'getMeeting', 'updateMeeting', 'relinkMedia', 'listModels',
  'startTranscription', 'listJobs', 'cancelJob', 'getTranscript', 'applyEdit', 'undo', 'redo',
  'recordListened', 'getCoverage', 'mediaUrl',
  'listTerms', 'importTerms', 'exportTermsBase64', 'saveTerm', 'deleteTerm',
  'listCorrections', 'dismissCorrection', 'getCouncilSettings', 'saveCouncilSettings', 'resetCouncilSettings',
  'cleanTexts', 'exportMeetingBase64',
  'getRoster', 'saveRoster', 'importRoster', 'listSpeakerLabels', 'suggestSpeakerLabels', 'setSpeakerMember', 'confirmSpeakers',
  'importModel',
  'startRecording', 'appendRecording', 'getRecording', 'stopRecording', 'listRecoveredRecordings',
  'getSettings', 'saveSettings', 'importBrowserSettings', 'getPlaybackPosition', 'savePlaybackPosition',
  'getReview', 'confirmReviewStretch',
  'deleteMeeting',
] as const satisfies readonly (keyof GijirokuApi)[];

export type ApiMethod = (typeof API_METHODS)[number];

/** Replies across a process boundary: a value, or an error the UI can show in the user's language. */
export type ApiReply<T> = { ok: true; value: T } | { ok: false, error: { code: string; text: LocalizedText } };

// compile-time check: API_METHODS names every method of GijirokuApi
type Unlisted = Exclude<keyof GijirokuApi, ApiMethod>;
export const API_METHODS_COMPLETE: Record<Unlisted, never> = {};
