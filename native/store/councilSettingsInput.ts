// What a council may save as its settings: checked by the API (apiSchemas) and again by the store.
import { z } from 'zod';
import type { CouncilSettings } from '../common/api';
import { ruleRegExp } from '../cleanup/cleanupRules';
import { unsafePattern } from '../common/regexSafety';
import { invalidInputError } from './storeErrors';

/** compiles, and (a /regex/) is not one that can run away: refused when saved (regexSafety.ts) */
function compiles(pattern: string): boolean {
  try {
    ruleRegExp(pattern);
  } catch {
    return false;
  }
  const regex = /^\/(.+)\/[a-z]*$/s.exec(pattern);
  return !regex || unsafePattern(regex[1]!) === null;
}

const rule = z
  .object({
    id: z.string().trim().min(1).max(100),
    pattern: z
      .string()
      .min(1)
      .max(500)
      .refine(compiles, { message: 'not a valid or safe pattern / 正しくないか、処理に時間がかかりすぎるパターン' }),
    kind: z.enum(['filler', 'repeat', 'false-start', 'custom']),
    enabled: z.boolean(),
  })
  .strict();

export const councilSettingsSchema = z
  .object({
    cleanupRules: z
      .array(rule)
      .max(500)
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { message: 'duplicate rule id' }),
    minutesStyle: z
      .object({
        marks: z.enum(['circleOnly', 'byRole']),
        honorific: z.enum(['君', '議員', '']),
        honorificFor: z.enum(['everyone', 'councillors']),
        numerals: z.enum(['arabic', 'kanji']),
        text: z.enum(['verbatim', 'clean']),
      })
      .strict(),
  })
  .strict();

export function validCouncilSettings(v: unknown): CouncilSettings {
  const r = councilSettingsSchema.safeParse(v);
  if (r.success) return r.data;
  const where = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw invalidInputError(`council settings: ${where}`, `設定（${where}）`);
}
