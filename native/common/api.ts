// The one API between the UI and everything else. The renderer talks to an
// object of type GijirokuApi; Electron's preload and the browser bridge both
// provide it, generated from API_METHODS. One contract per domain in api/
// (its types and its method list), composed here. Imports only contract types.
import type { LocalizedText } from './errors';
import { EXPORT_METHODS, type ExportApi } from './api/export';
import { JOBS_METHODS, type JobsApi } from './api/jobs';
import { MEETINGS_METHODS, type MeetingsApi } from './api/meetings';
import { MODELS_METHODS, type ModelsApi } from './api/models';
import { RECORDING_METHODS, type RecordingApi } from './api/recording';
import { SETTINGS_METHODS, type SettingsApi } from './api/settings';
import { SPEAKERS_METHODS, type SpeakersApi } from './api/speakers';
import { TERMS_METHODS, type TermsApi } from './api/terms';
import { TRANSCRIPT_METHODS, type TranscriptApi } from './api/transcript';

export * from './api/export';
export * from './api/files';
export * from './api/jobs';
export * from './api/meetings';
export * from './api/models';
export * from './api/recording';
export * from './api/settings';
export * from './api/speakers';
export * from './api/terms';
export * from './api/transcript';

export interface GijirokuApi
  extends MeetingsApi, JobsApi, TranscriptApi, TermsApi, SpeakersApi, RecordingApi, SettingsApi, ModelsApi, ExportApi {}

/** The method names, as data: the preload and the bridge client are generated from this list. */
export const API_METHODS = [
  ...MEETINGS_METHODS,
  ...JOBS_METHODS,
  ...TRANSCRIPT_METHODS,
  ...TERMS_METHODS,
  ...SPEAKERS_METHODS,
  ...RECORDING_METHODS,
  ...SETTINGS_METHODS,
  ...MODELS_METHODS,
  ...EXPORT_METHODS,
] as const satisfies readonly (keyof GijirokuApi)[];

export type ApiMethod = (typeof API_METHODS)[number];

/** Replies across a process boundary: a value, or an error the UI can show in the user's language. */
export type ApiReply<T> = { ok: true; value: T } | { ok: false; error: { code: string; text: LocalizedText } };

// compile-time checks: API_METHODS names every method of GijirokuApi, and no domain lists a name another one has
type Unlisted = Exclude<keyof GijirokuApi, ApiMethod>;
export const API_METHODS_COMPLETE: Record<Unlisted, never> = {};
type Repeated<L extends readonly string[], Seen extends string = never> = L extends readonly [
  infer First extends string,
  ...infer Rest extends readonly string[],
]
  ? First extends Seen
    ? First | Repeated<Rest, Seen>
    : Repeated<Rest, Seen | First>
  : never;
export const API_METHODS_UNIQUE: Record<Repeated<typeof API_METHODS>, never> = {};
