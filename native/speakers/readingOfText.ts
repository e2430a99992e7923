// Readings for matching calls by sound, from kuromoji (the tokenizer the term dictionary uses).
import type { JaTokenizer } from '../dictionary/loadTokenizer';
import { readingTokens } from '../dictionary/readingTokens';
import type { ReadingOf } from './matchRoster';

/** Comparable katakana reading of a whole piece of text; null when any part has none. */
export function readingOfText(tokenizer: JaTokenizer): ReadingOf {
  const cache = new Map<string, string | null>();
  return (text) => {
    let r = cache.get(text);
    if (r === undefined) {
      const parts = readingTokens(tokenizer, text).map((t) => t.reading);
      r = parts.some((p) => p === null) ? null : parts.join('');
      cache.set(text, r);
    }
    return r;
  };
}
