import { normalizeForCer } from '../native/eval/characterErrorRate';

/** What an engine's output says, in recording seconds. */
export interface ScoredSegment {
  start: number;
  end: number;
  text: string;
  unheard?: boolean;
}

/**
 * Sentences an engine repeated in a loop: a sentence of 8 characters or more that the output
 * holds more than once beyond the times the reference says it. Returns the worst: the sentence
 * and how many times too often.
 */
export function worstRepeat(reference: string, hypothesis: string): { sentence: string; extra: number } {
  const count = (text: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const raw of text.split(/[。？！?!]/u)) {
      const s = normalizeForCer(raw);
      if ([...s].length >= 8) m.set(s, (m.get(s) ?? 0) + 1);
    }
    return m;
  };
  const ref = count(reference);
  let worst = { sentence: '', extra: 0 };
  for (const [s, n] of count(hypothesis)) {
    const extra = n - Math.max(1, ref.get(s) ?? 0);
    if (extra > worst.extra) worst = { sentence: s, extra };
  }
  return worst;
}

/** Characters of output whose segment lies inside a recess (1 s kept clear at each edge for the turns around it). */
export function recessChars(recesses: { start: number; end: number }[], segments: ScoredSegment[]): number {
  let n = 0;
  for (const r of recesses) {
    const a = r.start + 1;
    const b = r.end - 1;
    for (const s of segments) {
      const mid = (s.start + s.end) / 2;
      if (mid > a && mid < b) n += [...normalizeForCer(s.text)].length;
    }
  }
  return n;
}
