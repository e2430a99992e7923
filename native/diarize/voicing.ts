import { SAMPLE_RATE } from '../audio/wavHeader';

const FRAME = Math.round(0.04 * SAMPLE_RATE);
const HOP = Math.round(0.02 * SAMPLE_RATE);
/** pitch periods looked for: 70–400 Hz (mains hum at 50/60 Hz lies below) */
const MIN_LAG = Math.round(SAMPLE_RATE / 400);
const MAX_LAG = Math.round(SAMPLE_RATE / 70);

/**
 * How clearly one pitch runs through a stretch of speech: the mean, over its louder
 * half of 40 ms frames, of the highest normalised autocorrelation at a pitch period.
 * One voice gives a clean period (≈ 0.9 on clean speech); several people saying the
 * same word at once (a chorus: 「異議なし。」) give several periods a little out of step,
 * and their sum repeats less cleanly. Compare it with the same recording's other speech,
 * not with a fixed value: noise, reverberation and a band-limited line lower it everywhere.
 */
export function periodicity(samples: Float32Array): number {
  const frames: { at: number; energy: number }[] = [];
  for (let at = 0; at + FRAME <= samples.length; at += HOP) {
    let energy = 0;
    for (let i = 0; i < FRAME; i++) energy += (samples[at + i] ?? 0) ** 2;
    frames.push({ at, energy });
  }
  if (frames.length === 0) return 0;
  const loud = [...frames].sort((a, b) => b.energy - a.energy).slice(0, Math.ceil(frames.length / 2));
  let sum = 0;
  for (const f of loud) sum += framePeriodicity(samples, f.at);
  return sum / loud.length;
}

function framePeriodicity(x: Float32Array, at: number): number {
  // prefix sums of squares: the energies of both halves of each lagged product in O(1)
  const sq = new Float64Array(FRAME + 1);
  for (let i = 0; i < FRAME; i++) sq[i + 1] = (sq[i] ?? 0) + (x[at + i] ?? 0) ** 2;
  let best = 0;
  for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
    let c = 0;
    for (let i = 0; i + lag < FRAME; i++) c += (x[at + i] ?? 0) * (x[at + i + lag] ?? 0);
    const e1 = (sq[FRAME - lag] ?? 0) - (sq[0] ?? 0);
    const e2 = (sq[FRAME] ?? 0) - (sq[lag] ?? 0);
    const v = c / Math.sqrt(e1 * e2 + 1e-12);
    if (v > best) best = v;
  }
  return best;
}
