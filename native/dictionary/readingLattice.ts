// Every way a stretch of recognised text can be read aloud, as edges over character
// positions. kuromoji's best path gives one reading per word and none for words it does
// not know (帯気, 推刀 — exactly what whisper writes for a term it misheard), so the
// lattice adds every dictionary reading of every substring, each kana character alone
// (あざぶちく holds あざぶ across kuromoji's word boundaries) and a one-mora wildcard
// for a kanji nobody can read.
import { comparableReading, isKanaCode } from './kana';
import type { JaTokenizer } from './loadTokenizer';
import { readingTokens, type ReadingToken } from './readingTokens';

/** stands for one mora of a kanji with no known reading: never equal to a term's mora */
export const UNKNOWN_MORA = '＊';

export interface ReadingEdge {
  end: number;
  /** comparable katakana; '' for a space */
  reading: string;
}

export interface ReadingLattice {
  /** edges[i]: the ways to read text from position i */
  edges: ReadingEdge[][];
  /** positions where a term may start or end: word boundaries, and every position inside kana */
  boundaries: Set<number>;
  /** kuromoji's best path */
  words: ReadingToken[];
}

interface LatticeNode {
  name: number;
  start_pos: number;
  length: number;
  type: string;
  surface_form: string;
}
interface KuromojiInternals {
  getLattice(text: string): { nodes_end_at: Array<LatticeNode[] | undefined> };
  token_info_dictionary: { getFeatures(id: number): string | undefined };
}

export function readingLattice(tokenizer: JaTokenizer, text: string): ReadingLattice {
  const edges: ReadingEdge[][] = Array.from({ length: text.length + 1 }, () => []);
  const seen = new Set<string>();
  const add = (start: number, end: number, reading: string): void => {
    const key = `${start}:${end}:${reading}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges[start]!.push({ end, reading });
  };

  const words = readingTokens(tokenizer, text);
  const boundaries = new Set<number>();
  for (const w of words) {
    boundaries.add(w.start).add(w.end);
    if (w.reading !== null) add(w.start, w.end, w.reading);
  }

  const internals = tokenizer as unknown as KuromojiInternals;
  for (const nodes of internals.getLattice(text).nodes_end_at) {
    for (const n of nodes ?? []) {
      if (n.type !== 'KNOWN') continue;
      const reading = internals.token_info_dictionary.getFeatures(n.name)?.split(',')[8];
      if (!reading || reading === '*') continue;
      const start = n.start_pos - 1;
      add(start, start + n.surface_form.length, comparableReading(reading));
    }
  }

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isKanaCode(code)) {
      add(i, i + 1, comparableReading(text[i]!));
      boundaries.add(i).add(i + 1);
    } else if (/\p{Script=Han}/u.test(text[i]!) && !edges[i]!.some((e) => e.end === i + 1)) {
      add(i, i + 1, UNKNOWN_MORA);
      boundaries.add(i).add(i + 1);
    }
  }
  return { edges, boundaries, words };
}

export interface HeardSpan {
  start: number;
  end: number;
  reading: string;
}

/**
 * Every (span, reading) starting at `start` whose reading has at most `maxChars` characters,
 * ending on a boundary. Readings are combined along edges; `limit` caps the work per start.
 */
export function spansFrom(lattice: ReadingLattice, start: number, maxChars: number, limit = 400): HeardSpan[] {
  const out: HeardSpan[] = [];
  const seen = new Set<string>();
  let frontier: HeardSpan[] = [{ start, end: start, reading: '' }];
  while (frontier.length > 0 && seen.size < limit) {
    const next: HeardSpan[] = [];
    for (const s of frontier) {
      for (const e of lattice.edges[s.end] ?? []) {
        const reading = s.reading + e.reading;
        if (reading.length > maxChars) continue;
        const key = `${e.end}:${reading}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const span = { start, end: e.end, reading };
        next.push(span);
        // a span ends on a word, never on the space after it
        if (e.reading !== '' && lattice.boundaries.has(e.end)) out.push(span);
      }
    }
    frontier = next;
  }
  return out;
}
