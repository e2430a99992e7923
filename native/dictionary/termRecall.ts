import type { TermEntry } from './termEntry';

export interface TermRecall {
  /** term occurrences in the reference */
  expected: number;
  /** of those, how many the text has written exactly */
  found: number;
  recall: number;
  perTerm: Array<{ surface: string; expected: number; found: number }>;
}

/** Occurrences counted longest term first, so 中央図書館 is not also counted as 中央. */
function countTerms(text: string, surfaces: string[]): Map<string, number> {
  let rest = text;
  const counts = new Map<string, number>();
  for (const s of [...surfaces].sort((a, b) => b.length - a.length)) {
    const parts = rest.split(s);
    counts.set(s, parts.length - 1);
    rest = parts.join('\u0000');
  }
  return counts;
}

/** Term recall: dictionary terms in the reference that the transcript writes exactly. */
export function termRecall(reference: string, transcript: string, entries: TermEntry[]): TermRecall {
  const surfaces = [...new Set(entries.filter((e) => e.enabled).map((e) => e.surface))];
  const ref = countTerms(reference, surfaces);
  const hyp = countTerms(transcript, surfaces);
  const perTerm = surfaces
    .map((surface) => ({ surface, expected: ref.get(surface) ?? 0, found: Math.min(ref.get(surface) ?? 0, hyp.get(surface) ?? 0) }))
    .filter((t) => t.expected > 0);
  const expected = perTerm.reduce((n, t) => n + t.expected, 0);
  const found = perTerm.reduce((n, t) => n + t.found, 0);
  return { expected, found, recall: expected === 0 ? 1 : found / expected, perTerm };
}
