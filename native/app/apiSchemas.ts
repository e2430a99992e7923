// The arguments of every API method, checked in the process that owns the data
// (the bridge server or Electron main) before the service sees them: the page
// is not trusted to send well-formed values.
import { z } from 'zod';
import type { ApiMethod, GijirokuApi } from '../common/api';
import { councilSettingsSchema } from '../store/councilSettingsInput';
import { browserSettingsSchema, settingsChangesSchema } from '../store/settingsInput';
import { rosterMemberSchema } from '../store/speakerInput';
import { termEntrySchema } from '../store/termInput';
import { editOpSchema, idSchema, meetingInputSchema, recordingMeetingSchema, secondsSchema } from '../store/validateInput';

// The values the store keeps are checked with the store's own schemas: one rule per input
const id = idSchema;
const seconds = secondsSchema;
/** a path the user chose; NUL would cut it short in the OS */
const filePath = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), { message: 'NUL' });

const segmentText = z.string().max(100_000);
const term = termEntrySchema.extend({ id: id.optional() }).strict();
const termFormat = z.enum(['tsv', 'csv']);
const termEncoding = z.enum(['utf8', 'utf8bom', 'shift_jis']);

const exportFormat = z.enum(['docx', 'txt', 'srt', 'vtt', 'csv']);
const exportText = z.enum(['verbatim', 'clean']);

const listened = z.tuple([id, seconds, seconds]).refine(([, from, to]) => to >= from, { message: 'to < from', path: [2] });

/** One tuple schema per method: its output type must be exactly the method's parameter list. */
export const API_SCHEMAS = {
  listMeetings: z.tuple([z.string().max(500)]),
  createMeeting: z.tuple([meetingInputSchema, filePath]),
  getMeeting: z.tuple([id]),
  updateMeeting: z.tuple([id, meetingInputSchema]),
  relinkMedia: z.tuple([id, filePath]),
  listModels: z.tuple([]),
  startTranscription: z.tuple([id, filePath]),
  listJobs: z.tuple([]),
  cancelJob: z.tuple([id]),
  getTranscript: z.tuple([id]),
  applyEdit: z.tuple([id, editOpSchema]),
  undo: z.tuple([id]),
  redo: z.tuple([id]),
  recordListened: listened,
  getCoverage: z.tuple([id]),
  mediaUrl: z.tuple([id]),
  listTerms: z.tuple([]),
  importTerms: z.tuple([filePath, z.enum(['merge', 'replace'])]),
  exportTermsBase64: z.tuple([termFormat, termEncoding]),
  saveTerm: z.tuple([term]),
  deleteTerm: z.tuple([id]),
  listCorrections: z.tuple([id]),
  dismissCorrection: z.tuple([id, id]),
  getCouncilSettings: z.tuple([]),
  saveCouncilSettings: z.tuple([councilSettingsSchema]),
  resetCouncilSettings: z.tuple([]),
  cleanTexts: z.tuple([z.array(segmentText).max(20_000)]),
  exportMeetingBase64: z.tuple([id, exportFormat, exportText]),
  getRoster: z.tuple([id]),
  saveRoster: z.tuple([id, z.array(rosterMemberSchema.strict()).max(1000)]),
  importRoster: z.tuple([id, filePath]),
  listSpeakerLabels: z.tuple([id]),
  suggestSpeakerLabels: z.tuple([id]),
  setSpeakerMember: z.tuple([id, id, id.nullable()]),
  confirmSpeakers: z.tuple([id]),
  importModel: z.tuple([filePath]),
  startRecording: z.tuple([recordingMeetingSchema, z.string().max(4096).refine((s) => !s.includes('\0'), { message: 'NUL' })]),
  // at most 10 s of 16 kHz 16-bit audio per call
  appendRecording: z.tuple([id, z.string().max(430_000).regex(/^[A-Za-z0-9+/]*={0,2}$/)]),
  getRecording: z.tuple([id]),
  stopRecording: z.tuple([id]),
  listRecoveredRecordings: z.tuple([]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([settingsChangesSchema]),
  importBrowserSettings: z.tuple([browserSettingsSchema]),
  getPlaybackPosition: z.tuple([id]),
  savePlaybackPosition: z.tuple([id, seconds]),
  getReview: z.tuple([id]),
  confirmReviewStretch: z.tuple([id, id]),
  deleteMeeting: z.tuple([id]),
} satisfies SchemaTable;

type SchemaTable = { [M in ApiMethod]: z.ZodType<Parameters<GijirokuApi[M]>> };
const SCHEMA_TABLE: SchemaTable = API_SCHEMAS;

export type ParsedArgs<M extends ApiMethod> = Parameters<GijirokuApi[M]>;

export type ArgsCheck<M extends ApiMethod> =
  | { ok: true; args: ParsedArgs<M> }
  | { ok: false; text: { ja: string; en: string } };

/** Validates raw arguments; on failure, says what is wrong in Japanese and English. */
export function parseApiArgs<M extends ApiMethod>(method: M, raw: unknown): ArgsCheck<M> {
  // SchemaTable already ties each schema to its method; TS cannot see that through the generic index
  const schema = SCHEMA_TABLE[method] as z.ZodType<ParsedArgs<M>>;
  const en = schema.safeParse(raw);
  if (en.success) return { ok: true, args: en.data };
  const ja = schema.safeParse(raw, { error: z.locales.ja().localeError });
  const describe = (issues: readonly z.core.$ZodIssue[]): string =>
    issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`).join(' / ');
  return {
    ok: false,
    text: {
      ja: `入力内容が正しくありません（${method}）。${describe(ja.success ? [] : ja.error.issues)}`,
      en: `Invalid input (${method}). ${describe(en.error.issues)}`,
    },
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'args';
  const [first, ...rest] = path;
  return [`args[${String(first)}]`, ...rest.map(String)].join('.');
}
