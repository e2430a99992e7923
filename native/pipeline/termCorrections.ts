// Term corrections as a layer on a transcript: what sounds like a dictionary term but is written
// otherwise is replaced when sure and suggested otherwise; every case is listed so it can be undone.
import type { Transcript } from '../common/transcript';
import { correctTerms } from '../dictionary/correctTerms';
import type { JaTokenizer } from '../dictionary/loadTokenizer';
import type { TermEntry } from '../dictionary/termEntry';

/** Pure: sure cases replaced in the text, every case (sure and suggested) in `corrections`. */
export function applyTermCorrections(t: Transcript, entries: TermEntry[], tokenizer: JaTokenizer): Transcript {
  const { texts, replacements } = correctTerms(
    t.segments.map((s) => s.text),
    entries,
    tokenizer,
  );
  return {
    ...t,
    segments: t.segments.map((s, i) => ({ ...s, text: texts[i] ?? s.text })),
    corrections: replacements.map((r) => ({
      segment: t.segments[r.segmentIndex]?.id ?? r.segmentIndex,
      start: r.start,
      end: r.end,
      from: r.from,
      to: r.to,
      term: r.termSurface,
      applied: r.confidence === 'sure',
    })),
  };
}
