import type { Coverage } from '../../../../../native/common/api';

/** The stretches of [0, duration] the clerk has not listened to yet (coverage is merged and sorted). */
export function coverageGaps(coverage: Coverage, duration: number, minGap = 0.5): [number, number][] {
  const gaps: [number, number][] = [];
  let at = 0;
  for (const [from, to] of [...coverage].sort((a, b) => a[0] - b[0])) {
    if (from - at >= minGap) gaps.push([at, Math.min(from, duration)]);
    at = Math.max(at, to);
  }
  if (duration - at >= minGap) gaps.push([at, duration]);
  return gaps;
}

export function listenedSeconds(coverage: Coverage): number {
  return coverage.reduce((sum, [from, to]) => sum + Math.max(0, to - from), 0);
}
