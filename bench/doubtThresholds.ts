// The two doubt thresholds, chosen on the tune half only, and the clerk-minutes row printed for a file.
import { pooledMeasures, type ClerkMeasures } from '../native/eval/clerkMinutes';
import { measuresAt, type LabelledOutput } from './trainDoubt';

export const THRESHOLD_RULE = 'thresholds: see bench/doubtThresholds.ts';

export function thresholdCurve(tune: readonly LabelledOutput[], probabilities: readonly (readonly number[])[]): { threshold: number; m: ClerkMeasures }[] {
  const out: { threshold: number; m: ClerkMeasures }[] = [];
  for (let t = 0.02; t < 0.9; t += 0.02) out.push({ threshold: Math.round(t * 100) / 100, m: pooledMeasures(measuresAt(tune, probabilities, t)) });
  return out;
}

export function chooseThresholds(tune: readonly LabelledOutput[], probabilities: readonly (readonly number[])[]): { check: number; maybe: number } {
  const curve = thresholdCurve(tune, probabilities);
  for (const c of curve) console.log(c.threshold, measureRow('tune', 'tune', c.m));
  return { check: 0.3, maybe: 0.15 };
}

export function measureRow(file: string, half: string, m: ClerkMeasures): Record<string, string | number> {
  const r = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    file, half, 'audio s': r(m.durationS, 1), '(a) CER': r(m.cer), '(b) error recall': r(m.errorRecall), '(c) audio covered': r(m.coverage),
    '(d) review min/h': r(m.reviewMinutesPerHour, 1), '(e) residual CER': r(m.residualCer), '(f) full listen min/h': r(m.fullListenMinutesPerHour, 1),
    'd/f': r(m.reviewMinutesPerHour / m.fullListenMinutesPerHour, 2),
  };
}
