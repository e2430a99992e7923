// Checks a term before it is stored: the UI's edits cross a process boundary and an
// import may come from any file. Readings are stored in hiragana, without blanks.
import { z } from 'zod';
import { isKanaOnly, toHiragana } from '../dictionary/kana';
import { MAX_KIND_LENGTH, type TermEntry } from '../dictionary/termEntry';
import { invalidInputError } from './storeErrors';

/** one term of the dictionary, as the store keeps it (the API adds an optional id: native/app/terms/termsSchemas.ts) */
export const termEntrySchema = z.object({
  surface: z.string().trim().min(1).max(200),
  reading: z.string().trim().min(1).max(200),
  kind: z.string().trim().min(1).max(MAX_KIND_LENGTH),
  misrecognitions: z.array(z.string().trim().min(1).max(200)).max(100),
  enabled: z.boolean(),
  note: z.string().trim().max(1000),
});

export function validTermEntry(v: unknown): TermEntry {
  const r = termEntrySchema.safeParse(v);
  if (!r.success) {
    const where = r.error.issues.map((i) => `${i.path.join('.') || 'term'}: ${i.message}`).join('; ');
    throw invalidInputError(`term: ${where}`, `用語（${where}）`);
  }
  const e = r.data;
  const reading = toHiragana(e.reading.replace(/[\s　]/g, ''));
  if (!isKanaOnly(reading)) {
    throw invalidInputError(
      `the reading "${e.reading}" of "${e.surface}" must be hiragana or katakana`,
      `「${e.surface}」のよみ「${e.reading}」はひらがなかカタカナで書いてください`,
    );
  }
  return { ...e, reading, misrecognitions: [...new Set(e.misrecognitions)] };
}

export function validTermEntries(v: unknown): TermEntry[] {
  if (!Array.isArray(v)) throw invalidInputError('terms: expected a list', '用語の一覧ではありません');
  return v.map(validTermEntry);
}

export function validTermMode(v: unknown): 'merge' | 'replace' {
  if (v === 'merge' || v === 'replace') return v;
  throw invalidInputError(`mode: expected merge or replace, got ${String(v)}`, `取り込み方法（${String(v)}）`);
}
