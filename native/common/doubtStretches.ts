// The stretches of audio a clerk listens to when checking doubtful words: each doubtful word
// padded by half a second of context on both sides, overlapping ones merged. The review pass
// plays exactly these, and the clerk-minutes bench counts exactly these. Imports only common types.
import type { DoubtLevel } from './transcript';

/** seconds of context played before and after a doubtful word */
export const STRETCH_PAD_S = 0.5;
/** what marked a word before the doubt model: whisper's probability below this (transcripts imported earlier) */
export const LOW_P = 0.5;

export interface TimeSpan {
  start: number;
  end: number;
}

/** A word's doubt level; words stored before the doubt model existed fall back to the old low-probability mark. */
export function doubtLevelOf(token: { p: number; doubtLevel?: DoubtLevel }): DoubtLevel {
  return token.doubtLevel ?? (token.p < LOW_P ? 'check' : 'none');
}

/** The review pass's stretches of a transcript: its 要確認 words and its segments without text (unheard speech). */
export function reviewStretchesOf(
  segments: readonly {
    start: number;
    end: number;
    text: string;
    tokens: readonly { start: number; end: number; p: number; doubtLevel?: DoubtLevel }[];
  }[],
  duration = Infinity,
): [number, number][] {
  const spans: TimeSpan[] = [];
  for (const s of segments) {
    if (s.text.trim() === '') spans.push(s);
    for (const t of s.tokens) if (doubtLevelOf(t) === 'check') spans.push(t);
  }
  return mergedStretches(spans, STRETCH_PAD_S, duration);
}

/** Merged, padded stretches over the spans, clipped to [0, duration]; sorted by start. */
export function mergedStretches(spans: readonly TimeSpan[], pad = STRETCH_PAD_S, duration = Infinity): [number, number][] {
  const padded = spans
    .map((s): [number, number] => [Math.max(0, s.start - pad), Math.min(duration, Math.max(s.start, s.end) + pad)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of padded) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function totalSeconds(stretches: readonly (readonly [number, number])[]): number {
  return stretches.reduce((sum, [a, b]) => sum + Math.max(0, b - a), 0);
}

/**
 * Which spans lie, with their padding, wholly inside the stretches: words between two doubtful
 * words less than 2 × pad apart are heard anyway, so they are doubtful too (they cost no time).
 * `stretches` as mergedStretches returns them.
 */
export function insideStretches(
  spans: readonly TimeSpan[],
  stretches: readonly (readonly [number, number])[],
  pad = STRETCH_PAD_S,
): boolean[] {
  return spans.map((s) => {
    const from = Math.max(0, s.start - pad);
    const to = Math.max(s.start, s.end) + pad;
    let lo = 0;
    let hi = stretches.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = stretches[mid]!;
      if (b < from) lo = mid + 1;
      else if (a > from) hi = mid - 1;
      else return to <= b;
    }
    return false;
  });
}
