import type { Segment } from '../../../../../native/common/api';

/**
 * Rows are segments; a row starts a speaker turn when its speaker differs from the row above.
 * A row without a speaker is a turn of its own: nothing says two such rows are one person
 * (a fresh transcript has no speakers at all), so each can be assigned on its own.
 */
export function turnStarts(segments: readonly Segment[]): boolean[] {
  return segments.map((s, i) => i === 0 || s.speakerId === null || segments[i - 1]!.speakerId !== s.speakerId);
}

/** Indexes of the segments in the turn that contains `index`. */
export function turnRange(segments: readonly Segment[], index: number): [number, number] {
  const speaker = segments[index]?.speakerId;
  if (speaker === null || speaker === undefined) return [index, index];
  let first = index;
  let last = index;
  while (first > 0 && segments[first - 1]!.speakerId === speaker) first--;
  while (last < segments.length - 1 && segments[last + 1]!.speakerId === speaker) last++;
  return [first, last];
}

/** The segment playing at `time`: the last one that started at or before it. */
export function segmentIndexAt(segments: readonly Segment[], time: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
