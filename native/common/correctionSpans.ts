// Where a stored term correction sits in a segment's current text, and in which state:
// 'applied' (the term is there: replaced at import or accepted) or 'suggested' (what
// whisper wrote is still there). The clerk's edits move or remove the span: the text is
// looked for at the stored offset, then at the nearest offset within NEAR characters;
// when neither the term nor the original is there, the correction is gone (null).
// Pure; shared by the editor and the tests.
import type { StoredCorrection } from './api';

const NEAR = 20;

export interface CorrectionSpan {
  correction: StoredCorrection;
  state: 'applied' | 'suggested';
  start: number;
  end: number;
}

function nearest(text: string, needle: string, at: number): number {
  if (needle === '') return -1;
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (Math.abs(i - at) <= NEAR && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) best = i;
  }
  return best;
}

export function locateCorrection(text: string, c: StoredCorrection): CorrectionSpan | null {
  const found = (state: CorrectionSpan['state'], start: number): CorrectionSpan | null =>
    state === 'suggested' && c.dismissed
      ? null
      : { correction: c, state, start, end: start + (state === 'applied' ? c.to : c.from).length };
  if (text.startsWith(c.to, c.start)) return found('applied', c.start);
  if (text.startsWith(c.from, c.start)) return found('suggested', c.start);
  const to = nearest(text, c.to, c.start);
  const from = nearest(text, c.from, c.start);
  if (to >= 0 && (from < 0 || Math.abs(to - c.start) <= Math.abs(from - c.start))) return found('applied', to);
  return from >= 0 ? found('suggested', from) : null;
}

/** The live corrections of one segment, in text order, without overlaps. */
export function segmentCorrections(text: string, corrections: readonly StoredCorrection[]): CorrectionSpan[] {
  const spans = corrections
    .map((c) => locateCorrection(text, c))
    .filter((s): s is CorrectionSpan => s !== null)
    .sort((a, b) => a.start - b.start);
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
}

/** The segment's text with the correction switched: applied → original (revert), suggested → term (accept). */
export function toggledText(text: string, span: CorrectionSpan): string {
  const put = span.state === 'applied' ? span.correction.from : span.correction.to;
  return text.slice(0, span.start) + put + text.slice(span.end);
}
