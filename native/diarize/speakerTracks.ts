/**
 * Who speaks when, locally: the pyannote segmentation model (segmentation-3.0)
 * gives, for each 10 s chunk, which of up to three local speakers is active in
 * each 17 ms frame (a powerset of 7 classes: nobody, one of three, two of three).
 * Chunks overlap by half; a local speaker is followed into the next chunk through
 * the frames both chunks see (the best of the 6 permutations), so a run of
 * frames becomes a track: one voice, seen without a break. Tracks are not yet
 * voices (the same person comes back as a new track after a pause); they tell
 * where the voice changes inside a stretch of speech and where there is speech
 * that the VAD missed. Pure: the model runs in segmentSpeakers.ts.
 */

/** pyannote segmentation-3.0 at 16 kHz: its metadata (window_size, receptive_field_shift/size), fixed by the architecture */
export const SEGMENTATION = {
  windowSamples: 160_000,
  frames: 589,
  classes: 7,
  frameShift: 270,
  receptiveField: 991,
} as const;

/** powerset class → local speakers active (pyannote.audio utils/powerset.py, 3 speakers, at most 2 at once) */
const POWERSET: readonly (readonly number[])[] = [[], [0], [1], [2], [0, 1], [0, 2], [1, 2]];
const PERMUTATIONS: readonly (readonly number[])[] = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

/** One voice without a break, in seconds; `track` numbers are local (0, 1, 2 … in order of appearance). */
export interface SpeakerRun {
  start: number;
  end: number;
  track: number;
}

/** Where two voices speak at once (the model's two-speaker classes), in seconds. */
export interface Overlap {
  start: number;
  end: number;
}

/** Frames two chunks must share for a local speaker to be followed from one into the next. */
const MIN_AGREEMENT_FRAMES = 10;

/**
 * Streams chunk outputs (log-probabilities, frames × 7, chunk k starting at k × hop samples)
 * into runs. Holds two chunks' activity at a time.
 */
export class TrackBuilder {
  private readonly runs: SpeakerRun[] = [];
  private readonly overlaps: Overlap[] = [];
  private prev: { active: Uint8Array; ids: number[] } | null = null;
  private nextTrack = 0;
  private chunk = 0;
  /** the last global frame already labelled */
  private doneFrame = -1;
  private current: SpeakerRun | null = null;

  constructor(
    private readonly hopSamples: number,
    private readonly sampleRate = 16_000,
  ) {
    if (hopSamples <= 0 || hopSamples > SEGMENTATION.windowSamples) throw new Error('segmentation hop must be within one window');
  }

  /** `logProbs`: the model's output for chunk number `this.chunk` (frames × classes). */
  accept(logProbs: Float32Array): void {
    const { frames, classes } = SEGMENTATION;
    if (logProbs.length !== frames * classes)
      throw new Error(`segmentation output has ${logProbs.length} values, expected ${frames * classes}`);
    const active = activity(logProbs);
    const ids = this.followTracks(active);
    // label the global frames for which this chunk is the most central one seen so far
    const shift = this.hopSamples / SEGMENTATION.frameShift;
    const firstOwned = this.chunk === 0 ? 0 : Math.round(this.chunk * shift + frames / 2 - shift / 2);
    this.label(active, ids, firstOwned, Math.round(this.chunk * shift + frames / 2 + shift / 2));
    this.prev = { active, ids };
    this.chunk++;
  }

  /** The stretches where two voices speak at once; complete after finish(). */
  overlapped(): Overlap[] {
    return this.overlaps;
  }

  /** The runs found; call after the last chunk. */
  finish(): SpeakerRun[] {
    if (this.prev) {
      const shift = this.hopSamples / SEGMENTATION.frameShift;
      this.chunk--;
      this.label(this.prev.active, this.prev.ids, this.doneFrame + 1, Math.round(this.chunk * shift + SEGMENTATION.frames));
      this.chunk++;
      this.prev = null;
    }
    this.current = null;
    return this.runs;
  }

  private followTracks(active: Uint8Array): number[] {
    const ids = [-1, -1, -1];
    if (this.prev) {
      const shift = Math.round(this.hopSamples / SEGMENTATION.frameShift);
      const agree = [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ];
      for (let f = 0; f + shift < SEGMENTATION.frames; f++) {
        for (let a = 0; a < 3; a++) {
          if (!this.prev.active[(f + shift) * 3 + a]) continue;
          for (let b = 0; b < 3; b++) if (active[f * 3 + b]) (agree[a] as number[])[b]! += 1;
        }
      }
      let best = PERMUTATIONS[0] as readonly number[];
      let bestV = -1;
      for (const p of PERMUTATIONS) {
        const v = (agree[0]?.[p[0] ?? 0] ?? 0) + (agree[1]?.[p[1] ?? 0] ?? 0) + (agree[2]?.[p[2] ?? 0] ?? 0);
        if (v > bestV) {
          bestV = v;
          best = p;
        }
      }
      for (let a = 0; a < 3; a++) {
        const b = best[a] ?? 0;
        if ((agree[a]?.[b] ?? 0) >= MIN_AGREEMENT_FRAMES) ids[b] = this.prev.ids[a] ?? -1;
      }
    }
    return ids.map((id) => (id >= 0 ? id : this.nextTrack++));
  }

  /** global frames [from, to) from this chunk's activity; a frame with two voices keeps the run that was going */
  private label(active: Uint8Array, ids: number[], from: number, to: number): void {
    const shift = this.hopSamples / SEGMENTATION.frameShift;
    const offset = Math.round(this.chunk * shift);
    const step = SEGMENTATION.frameShift / this.sampleRate;
    const centre = SEGMENTATION.receptiveField / 2 / this.sampleRate;
    for (let g = Math.max(from, this.doneFrame + 1); g < to; g++) {
      const f = g - offset;
      if (f < 0 || f >= SEGMENTATION.frames) continue;
      const on = [0, 1, 2].filter((k) => active[f * 3 + k]).map((k) => ids[k] ?? 0);
      const t = g * step + centre;
      const keep = this.current && on.includes(this.current.track) && t - this.current.end < step * 1.5;
      if (on.length > 1) {
        const last = this.overlaps[this.overlaps.length - 1];
        if (last && t - last.end < step * 1.5) last.end = t + step / 2;
        else this.overlaps.push({ start: Math.max(0, t - step / 2), end: t + step / 2 });
      }
      if (on.length === 0) this.current = null;
      else if (keep && this.current) this.current.end = t + step / 2;
      else {
        this.current = { start: Math.max(0, t - step / 2), end: t + step / 2, track: on[0] ?? 0 };
        this.runs.push(this.current);
      }
      this.doneFrame = g;
    }
  }
}

/** frames × 3 local speakers, 1 where the most likely powerset class has them */
function activity(logProbs: Float32Array): Uint8Array {
  const { frames, classes } = SEGMENTATION;
  const out = new Uint8Array(frames * 3);
  for (let f = 0; f < frames; f++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if ((logProbs[f * classes + k] ?? -Infinity) > (logProbs[f * classes + best] ?? -Infinity)) best = k;
    for (const s of POWERSET[best] ?? []) out[f * 3 + s] = 1;
  }
  return out;
}
