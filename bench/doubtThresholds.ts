// The two doubt thresholds, chosen on the tune half only (pooled over its files), and the
// clerk-minutes row printed per file.
import type { ClerkMeasures } from '../native/eval/clerkMinutes';
import { pooledMeasures } from '../native/eval/clerkMinutes';
import type { DoubtThresholds } from '../native/doubt/doubtLevels';
import { measuresAt, type LabelledOutput } from './trainDoubt';

/** residual CER the clerk accepts after the review pass (issue 15), and after also reading the 念のため words */
export const RESIDUAL_CHECK = 0.05;
export const RESIDUAL_MAYBE = 0.025;
export const THRESHOLD_RULE =
  `要確認 = the highest p(error) threshold whose tune-half residual CER ≤ ${RESIDUAL_CHECK}; ` +
  `念のため = the highest below it whose residual with both levels marked ≤ ${RESIDUAL_MAYBE}`;

const GRID = Array.from({ length: 95 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);

type Scored = { d: LabelledOutput; p: number[][] };

/** The highest grid value, scanning up, before the pooled residual first exceeds `bound`. */
function highestWithin(
  tune: readonly Scored[],
  bound: number,
  thresholdsAt: (t: number) => DoubtThresholds,
  bothLevels: boolean,
  top = 1,
): number {
  let best = GRID[0]!;
  for (const t of GRID) {
    if (t > top) break;
    const m = pooledMeasures(tune.map(({ d, p }) => measuresAt(d, p, thresholdsAt(t), bothLevels ? (l) => l !== 'none' : undefined)));
    if (m.residualCer > bound) break;
    best = t;
  }
  return best;
}

export function chooseThresholds(tune: readonly Scored[]): DoubtThresholds {
  const check = highestWithin(tune, RESIDUAL_CHECK, (t) => ({ check: t, maybe: t }), false);
  const maybe = highestWithin(tune, RESIDUAL_MAYBE, (t) => ({ check, maybe: t }), true, check);
  return { check, maybe };
}

export function measureRow(file: string, half: string, m: ClerkMeasures): Record<string, string | number> {
  const r = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    file,
    half,
    'audio s': r(m.durationS, 1),
    '(a) CER': r(m.cer),
    '(b) error recall': r(m.errorRecall),
    '(c) audio covered': r(m.coverage),
    '(d) review min/h': r(m.reviewMinutesPerHour, 1),
    '(e) residual CER': r(m.residualCer),
    '(f) full listen min/h': r(m.fullListenMinutesPerHour, 1),
    'd/f': r(m.reviewMinutesPerHour / m.fullListenMinutesPerHour, 2),
  };
}
