import { SAMPLE_RATE } from '../audio/wavHeader';
import type { SpeechRegion } from '../vad/detectSpeech';
import type { SpeakerRun } from './speakerTracks';

/** A stretch of speech embedded once, in samples; `region`: the speech region it was cut from. */
export interface DiarizeWindow {
  start: number;
  end: number;
  region: number;
}

/** A piece of the second pass: part of window `window` (cut where the voice changes), or speech the VAD missed (`window` -1). */
export interface RefinePiece extends DiarizeWindow {
  window: number;
}

export interface WindowSettings {
  /** VAD regions are cut into windows of about this length */
  windowS: number;
  /** a change of track across a pause longer than this is not a change point (the next voice may be the same) */
  changeGapS: number;
  /** a change this close to a window's edge is the pause between regions, not a turn inside the window */
  changeMarginS: number;
  /** a segmentation run shorter than this does not add speech the VAD missed */
  minRunS: number;
}

/** VAD regions cut into windows near `windowS` long: long enough for a clean embedding, cut at every pause. */
export function planWindows(regions: SpeechRegion[], s: Pick<WindowSettings, 'windowS'>): DiarizeWindow[] {
  return regions.flatMap((r, i) => cutEvenly(r.start, r.end, s.windowS * SAMPLE_RATE, i));
}

/**
 * The second pass, from the segmentation model's runs: a window with a voice
 * change inside (a short reply, a quick hand-over without a pause the VAD
 * heard) is cut there into pieces, each embedded and given the nearest voice;
 * speech the VAD missed (runs of at least `minRunS` outside every window)
 * becomes pieces of its own.
 */
export function planRefinement(windows: DiarizeWindow[], runs: SpeakerRun[], s: WindowSettings): RefinePiece[] {
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  const changes: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as SpeakerRun;
    const b = sorted[i] as SpeakerRun;
    if (a.track !== b.track && b.start - a.end < s.changeGapS) changes.push(b.start > a.end ? (a.end + b.start) / 2 : b.start);
  }
  const pieces: RefinePiece[] = [];
  let c = 0;
  windows.forEach((w, index) => {
    const from = w.start / SAMPLE_RATE + s.changeMarginS;
    const to = w.end / SAMPLE_RATE - s.changeMarginS;
    while (c < changes.length && (changes[c] as number) <= from) c++;
    const inside: number[] = [];
    for (let k = c; k < changes.length && (changes[k] as number) < to; k++) inside.push(Math.round((changes[k] as number) * SAMPLE_RATE));
    if (inside.length === 0) return;
    let a = w.start;
    for (const b of [...inside, w.end]) {
      if (b > a) pieces.push({ start: a, end: b, region: w.region, window: index });
      a = b;
    }
  });
  let region = windows.reduce((n, w) => Math.max(n, w.region + 1), 0);
  for (const gap of uncovered(
    sorted.filter((r) => r.end - r.start >= s.minRunS),
    windows,
  )) {
    if (gap.end - gap.start < s.minRunS) continue;
    const cut = cutEvenly(Math.round(gap.start * SAMPLE_RATE), Math.round(gap.end * SAMPLE_RATE), s.windowS * SAMPLE_RATE, region++);
    pieces.push(...cut.map((p) => ({ ...p, window: -1 })));
  }
  return pieces;
}

/** The parts of the runs (seconds) that no window covers, joined where runs touch. */
function uncovered(runs: SpeakerRun[], windows: DiarizeWindow[]): { start: number; end: number }[] {
  const covered = windows.map((w) => ({ start: w.start / SAMPLE_RATE, end: w.end / SAMPLE_RATE })).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of runs) {
    let parts = [{ start: r.start, end: r.end }];
    for (const w of covered) {
      if (w.end <= r.start || w.start >= r.end) continue;
      parts = parts
        .flatMap((p) => [
          { start: p.start, end: Math.min(p.end, w.start) },
          { start: Math.max(p.start, w.end), end: p.end },
        ])
        .filter((p) => p.end > p.start);
    }
    for (const p of parts) {
      const last = out[out.length - 1];
      if (last && p.start <= last.end + 0.05) last.end = Math.max(last.end, p.end);
      else out.push(p);
    }
  }
  return out;
}

/** [start, end) cut into equal windows near `size` samples long. */
export function cutEvenly(start: number, end: number, size: number, region: number): DiarizeWindow[] {
  const length = end - start;
  if (length <= 0) return [];
  const k = Math.max(1, Math.round(length / size));
  const out: DiarizeWindow[] = [];
  for (let j = 0; j < k; j++)
    out.push({ start: start + Math.round((j * length) / k), end: start + Math.round(((j + 1) * length) / k), region });
  return out;
}
