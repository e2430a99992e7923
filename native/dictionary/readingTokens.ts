import { comparableReading, isKanaOnly } from './kana';
import type { JaToken, JaTokenizer } from './loadTokenizer';
import { latinReading, numberReading } from './spokenReading';

export interface ReadingToken {
  surface: string;
  /** char offsets in the segment text */
  start: number;
  end: number;
  /** comparable katakana reading; '' for spaces; null where a term cannot continue (punctuation, unreadable) */
  reading: string | null;
  pos: string;
  known: boolean;
}

function readingOf(t: JaToken): string | null {
  if (t.pos === '記号') return t.pos_detail_1 === '空白' ? '' : null;
  if (t.reading && t.reading !== '*') return comparableReading(t.reading);
  const s = t.surface_form;
  if (isKanaOnly(s)) return comparableReading(s);
  const r = numberReading(s) ?? latinReading(s);
  return r === null ? null : comparableReading(r);
}

export function readingTokens(tokenizer: JaTokenizer, text: string): ReadingToken[] {
  return tokenizer.tokenize(text).map((t) => {
    const start = t.word_position - 1;
    return {
      surface: t.surface_form,
      start,
      end: start + t.surface_form.length,
      reading: readingOf(t),
      pos: t.pos,
      known: t.word_type === 'KNOWN',
    };
  });
}
