// The arguments of every API method, checked in the process that owns the data
// (the bridge server or Electron main) before the service sees them: the page
// is not trusted to send well-formed values.
import { z } from 'zod';
import { TERM_KIND_NAMES, type ApiMethod, type GijirokuApi } from '../common/api';
import { councilSettingsSchema } from '../store/councilSettingsInput';
import { rosterMemberSchema } from '../store/speakerInput';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const seconds = z.number().finite().min(0).max(24 * 3600 * 7);
/** a path the user chose; NUL would cut it short in the OS */
const filePath = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), { message: 'NUL' });
const shortText = z.string().max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

const meetingInput = z.object({
  title: shortText,
  body: shortText,
  date: z.union([z.literal(''), isoDate]),
  place: shortText,
}).strict();

const segmentText = z.string().max(100_000);
/** a new speaker needs a name that is more than blanks */
const speakerName = z.string().min(1).max(100).regex(/\S/);

const editOp = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setText'), segmentId: id, text: segmentText }).strict(),
  z.object({ kind: z.literal('split'), segmentId: id, offset: z.number().int().min(0) }).strict(),
  z.object({ kind: z.literal('mergeNext'), segmentId: id }).strict(),
  z.object({ kind: z.literal('setSpeaker'), segmentId: id, speakerId: id.nullable() }).strict(),
  z.object({ kind: z.literal('renameSpeaker'), speakerId: id, name: shortText, role: shortText }).strict(),
  z.object({ kind: z.literal('addSpeaker'), name: speakerName, role: z.string().max(50) }).strict(),
  z.object({ kind: z.literal('mergeSpeakers'), fromSpeakerId: id, intoSpeakerId: id }).strict(),
  z.object({
    kind: z.literal('replaceAll'), find: z.string().min(1).max(1000), replace: z.string().max(1000),
    regex: z.boolean(), caseSensitive: z.boolean(),
  }).strict(),
]);

const termText = z.string().trim().min(1).max(200);
const term = z.object({
  id: id.optional(),
  surface: termText,
  reading: termText,
  kind: z.enum(TERM_KIND_NAMES),
  misrecognitions: z.array(termText).max(100),
  enabled: z.boolean(),
  note: z.string().max(1000),
}).strict();
const termFormat = z.enum(['tsv', 'csv']);
const termEncoding = z.enum(['utf8', 'utf8bom', 'shift_jis']);

const exportFormat = z.enum(['docx', 'txt', 'srt', 'vtt', 'csv']);
const exportText = z.enum(['verbatim', 'clean']);

const listened = z.tuple([id, seconds, seconds]).refine(([, from, to]) => to >= from, { message: 'to < from', path: [2] });

/** One tuple schema per method: its output type must be exactly the method's parameter list. */
export const API_SCHEMAS = {
  listMeetings: z.tuple([z.string().max(500)]),
  createMeeting: z.tuple([meetingInput, filePath]),
  getMeeting: z.tuple([id]),
  updateMeeting: z.tuple([id, meetingInput]),
  relinkMedia: z.tuple([id, filePath]),
  listModels: z.tuple([]),
  startTranscription: z.tuple([id, filePath]),
  listJobs: z.tuple([]),
  cancelJob: z.tuple([id]),
  getTranscript: z.tuple([id]),
  applyEdit: z.tuple([id, editOp]),
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
  startRecording: z.tuple([meetingInput, z.string().max(4096).refine((s) => !s.includes('\0'), { message: 'NUL' })]),
  // at most 10 s of 16 kHz 16-bit audio per call
  appendRecording: z.tuple([id, z.string().max(430_000).regex(/^[A-Za-z0-9+/]*={0,2}$/)]),
  getRecording: z.tuple([id]),
  stopRecording: z.tuple([id]),
  listRecoveredRecordings: z.tuple([]),
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
