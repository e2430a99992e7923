import type { ReviewStretch, Segment } from '../../../../../native/common/api';
import { doubtLevelOf } from '../../../../../native/common/doubtStretches';
import { locateTokens } from '../transcript/tokenRanges';
import { segmentIndexAt } from '../transcript/turns';

/** The next stretch not yet confirmed after `after`, else the first one not confirmed; -1 when all are. */
export function nextOpenStretch(stretches: readonly ReviewStretch[], after: number): number {
  for (let i = after + 1; i < stretches.length; i++) if (!stretches[i]!.confirmed) return i;
  for (let i = 0; i <= Math.min(after, stretches.length - 1); i++) if (!stretches[i]!.confirmed) return i;
  return -1;
}

export function reviewCounts(stretches: readonly ReviewStretch[]): { confirmed: number; total: number } {
  return { confirmed: stretches.filter((s) => s.confirmed).length, total: stretches.length };
}

/**
 * Where the clerk's cursor goes for a stretch: its first 要確認 word still in the text, selected,
 * else the start of the first line it touches (a line without text, or one rewritten since).
 */
export function stretchTarget(
  segments: readonly Segment[],
  stretch: ReviewStretch,
  textOf: (s: Segment) => string,
): { segmentId: number; from: number; to: number } | null {
  let first = Math.max(0, segmentIndexAt(segments, stretch.start));
  while (first > 0 && segments[first - 1]!.end > stretch.start) first--;
  let fallback: Segment | null = null;
  for (let i = first; i < segments.length && segments[i]!.start < stretch.end; i++) {
    const s = segments[i]!;
    if (s.end <= stretch.start) continue;
    fallback ??= s;
    const hit = locateTokens(textOf(s), s.tokens)?.find(
      (r) => doubtLevelOf(r.token) === 'check' && r.token.start >= stretch.start - 0.01 && r.token.end <= stretch.end + 0.01,
    );
    if (hit) return { segmentId: s.id, from: hit.from, to: hit.to };
  }
  return fallback ? { segmentId: fallback.id, from: 0, to: 0 } : null;
}
