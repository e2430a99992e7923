// The arguments of every API method, checked in the process that owns the data
// (the bridge server or Electron main) before the service sees them: the page
// is not trusted to send well-formed values.
import { z } from 'zod';
import type { ApiMethod, GijirokuApi } from '../common/api';
import type { ApiSchemaTable } from './apiArgs';
import { EXPORT_SCHEMAS } from './export/exportSchemas';
import { JOBS_SCHEMAS } from './jobs/jobsSchemas';
import { MEETINGS_SCHEMAS } from './meetings/meetingsSchemas';
import { MODELS_SCHEMAS } from './models/modelsSchemas';
import { RECORDING_SCHEMAS } from './recording/recordingSchemas';
import { SETTINGS_SCHEMAS } from './settings/settingsSchemas';
import { SPEAKERS_SCHEMAS } from './speakers/speakersSchemas';
import { TERMS_SCHEMAS } from './terms/termsSchemas';
import { TRANSCRIPT_SCHEMAS } from './transcript/transcriptSchemas';

/** One tuple schema per method, from each domain's table beside its service; the store's own schemas check the values it keeps. */
export const API_SCHEMAS = {
  ...MEETINGS_SCHEMAS,
  ...JOBS_SCHEMAS,
  ...TRANSCRIPT_SCHEMAS,
  ...TERMS_SCHEMAS,
  ...SPEAKERS_SCHEMAS,
  ...RECORDING_SCHEMAS,
  ...SETTINGS_SCHEMAS,
  ...MODELS_SCHEMAS,
  ...EXPORT_SCHEMAS,
} satisfies ApiSchemaTable<GijirokuApi>;

type SchemaTable = { [M in ApiMethod]: z.ZodType<Parameters<GijirokuApi[M]>> };
const SCHEMA_TABLE: SchemaTable = API_SCHEMAS;

export type ParsedArgs<M extends ApiMethod> = Parameters<GijirokuApi[M]>;

export type ArgsCheck<M extends ApiMethod> = { ok: true; args: ParsedArgs<M> } | { ok: false; text: { ja: string; en: string } };

/** Validates raw arguments; on failure, says what is wrong in Japanese and English. */
export function parseApiArgs<M extends ApiMethod>(method: M, raw: unknown): ArgsCheck<M> {
  // SchemaTable already ties each schema to its method; TS cannot see that through the generic index
  const schema = SCHEMA_TABLE[method] as z.ZodType<ParsedArgs<M>>;
  const en = schema.safeParse(raw);
  if (en.success) return { ok: true, args: en.data };
  const ja = schema.safeParse(raw, { error: z.locales.ja().localeError });
  const describe = (issues: readonly z.core.$ZodIssue[]): string =>
    issues
      .slice(0, 3)
      .map((i) => `${formatPath(i.path)}: ${i.message}`)
      .join(' / ');
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
