// The term dictionary's arguments, checked with the store's own term schema (one rule per input)
// before the service sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { TermsApi } from '../../common/api';
import { termEntrySchema } from '../../store/termInput';
import { idSchema as id } from '../../store/validateInput';
import { filePath, type ApiSchemaTable } from '../apiArgs';

const term = termEntrySchema.extend({ id: id.optional() }).strict();
const termFormat = z.enum(['tsv', 'csv']);
const termEncoding = z.enum(['utf8', 'utf8bom', 'shift_jis']);

export const TERMS_SCHEMAS = {
  listTerms: z.tuple([]),
  importTerms: z.tuple([filePath, z.enum(['merge', 'replace'])]),
  exportTermsBase64: z.tuple([termFormat, termEncoding]),
  saveTerm: z.tuple([term]),
  deleteTerm: z.tuple([id]),
} satisfies ApiSchemaTable<TermsApi>;
