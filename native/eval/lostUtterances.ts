import { alignChars } from './alignChars';
import { normalizeForCer } from './characterErrorRate';

export interface HypothesisSegment {
  start: number;
  end: number;
  text: string;
  unheard?: boolean;
}

export interface UtteranceRef {
  start: number;
  end: number;
  text: string;
}

/**
 * Reference utterances the transcript lost: none of their text is in it and no
 * `unheard` segment points the clerk at them. An utterance counts as heard when a
 * third of its characters align to the same character of the hypothesis, or half
 * of them to some character with at least one the same: wrong text is an error,
 * but not a loss.
 */
export function lostUtterances<T extends UtteranceRef>(reference: T[], hypothesis: HypothesisSegment[]): T[] {
  const refChars: string[] = [];
  const owner: number[] = [];
  reference.forEach((u, k) => {
    for (const c of normalizeForCer(u.text)) {
      refChars.push(c);
      owner.push(k);
    }
  });
  const hypChars = hypothesis.filter((s) => !s.unheard).flatMap((s) => [...normalizeForCer(s.text)]);
  const matched = new Array<number>(reference.length).fill(0);
  const aligned = new Array<number>(reference.length).fill(0);
  for (const step of alignChars(refChars, hypChars)) {
    const k = owner[step.ref] ?? 0;
    if (step.op === 'match') matched[k]! += 1;
    if (step.op === 'match' || step.op === 'sub') aligned[k]! += 1;
  }
  const unheard = hypothesis.filter((s) => s.unheard);
  return reference.filter((u, k) => {
    const size = [...normalizeForCer(u.text)].length;
    if (size === 0) return false;
    const same = matched[k] ?? 0;
    if (same >= Math.max(1, size / 3) || (same >= 1 && (aligned[k] ?? 0) >= size / 2)) return false;
    return !unheard.some((s) => s.start < u.end && s.end > u.start);
  });
}

export interface TimedHypothesisSegment extends HypothesisSegment {
  tokens?: { start: number; end: number; text: string }[];
}

/**
 * Reference utterances nothing was written for at their time: no word (or, without word times,
 * no segment) of the hypothesis with text overlaps them, and no `unheard` segment does. The
 * loosest sense of lost, the one a clerk scanning the timeline sees; `lostUtterances` also counts
 * an utterance written so wrongly that none of its words is in the text.
 */
export function silentUtterances<T extends UtteranceRef>(reference: T[], hypothesis: TimedHypothesisSegment[], slackS = 0.25): T[] {
  const spans = hypothesis.flatMap((s) => {
    if (s.unheard) return [{ start: s.start, end: s.end }];
    const words = (s.tokens ?? []).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    if (words.length > 0) return words.map((t) => ({ start: t.start, end: Math.max(t.end, t.start + 0.1) }));
    return /[\p{L}\p{N}]/u.test(s.text) ? [{ start: s.start, end: s.end }] : [];
  });
  return reference.filter(
    (u) => [...normalizeForCer(u.text)].length > 0 && !spans.some((x) => x.start < u.end + slackS && x.end > u.start - slackS),
  );
}
