// From each word's probability of holding an error to its doubt level. A word the clerk hears
// anyway, because it lies with its half second of context inside the stretch around doubtful words
// either side of it, takes their level: it costs no listening time, and errors sit in clusters.
import { insideStretches, mergedStretches, type TimeSpan } from '../common/doubtStretches';
import type { DoubtLevel, TranscriptSegment } from '../common/transcript';

export interface DoubtThresholds {
  check: number;
  maybe: number;
}

export function doubtLevels(
  segments: readonly Pick<TranscriptSegment, 'start' | 'end' | 'tokens' | 'unheard'>[],
  probabilities: readonly (readonly number[])[],
  thresholds: DoubtThresholds,
): DoubtLevel[][] {
  const raw = segments.map((s, i) =>
    s.tokens.map((_, k): DoubtLevel => {
      const p = probabilities[i]?.[k] ?? 0;
      return p >= thresholds.check ? 'check' : p >= thresholds.maybe ? 'maybe' : 'none';
    }),
  );
  const unheard: TimeSpan[] = segments.filter((s) => s.unheard);
  const spansAt = (levels: readonly DoubtLevel[]) => [
    ...unheard,
    ...segments.flatMap((s, i) => s.tokens.filter((_, k) => levels.includes(raw[i]![k]!))),
  ];
  const tokens = segments.flatMap((s) => s.tokens);
  const inCheck = insideStretches(tokens, mergedStretches(spansAt(['check'])));
  const inMaybe = insideStretches(tokens, mergedStretches(spansAt(['check', 'maybe'])));
  let n = 0;
  return raw.map((levels) =>
    levels.map((level) => {
      const k = n++;
      if (level === 'check' || inCheck[k]) return 'check';
      return level === 'maybe' || inMaybe[k] ? 'maybe' : 'none';
    }),
  );
}
