import { SAMPLE_RATE } from '../audio/wavHeader';
import { cosine } from './clusterEmbeddings';
import type { DiarizeWindow } from './planWindows';
import type { Overlap } from './speakerTracks';

/** The settings the chorus detector reads (described in DiarizeSettings). */
export interface ChorusSettings {
  chorusMaxS: number;
  chorusPauseS: number;
  chorusVoicingDrop: number;
  chorusUnlike: number;
  chorusOverlapS: number;
}

/** What the detector hears besides the embeddings: each window's periodicity (voicing.ts) and the model's overlapped speech. */
export interface ChorusCues {
  /** per window: periodicity of the whole window when it is at most chorusMaxS long, else of an excerpt; null = not measured */
  voicing: (number | null)[];
  overlaps: Overlap[];
}

/**
 * The windows that are a chorus (議場: several members at once, 「異議なし。」「なし。」), which a
 * 会議録 writes as one voice (〔「異議なし」と呼ぶ者あり〕). A chorus is a short utterance on its
 * own (pauses either side), and either the segmentation model hears two voices at once in it, or
 * its pitch runs less clearly than the recording's other speech while its embedding is
 * unlike every voice of its sitting (`voicesNear`; a single voice's short reply is like its
 * voice, or clearly pitched).
 */
export function findChorus(
  windows: DiarizeWindow[],
  embeddings: (Float32Array | null)[],
  voicesNear: (window: number) => Float32Array[],
  cues: ChorusCues,
  s: ChorusSettings,
): boolean[] {
  const seconds = (w: DiarizeWindow): number => (w.end - w.start) / SAMPLE_RATE;
  const usual = median(
    windows.flatMap((w, i) => (seconds(w) > s.chorusMaxS && cues.voicing[i] != null ? [cues.voicing[i] as number] : [])),
  );
  const overlaps = [...cues.overlaps].sort((a, b) => a.start - b.start);
  return windows.map((w, i) => {
    const e = embeddings[i];
    if (!e || seconds(w) > s.chorusMaxS) return false;
    const before = windows[i - 1];
    const after = windows[i + 1];
    const alone =
      (!before || (w.start - before.end) / SAMPLE_RATE >= s.chorusPauseS) &&
      (!after || (after.start - w.end) / SAMPLE_RATE >= s.chorusPauseS);
    if (!alone) return false;
    if (overlapSeconds(overlaps, w.start / SAMPLE_RATE, w.end / SAMPLE_RATE) >= s.chorusOverlapS) return true;
    const v = cues.voicing[i];
    if (v == null || usual === null || v > usual - s.chorusVoicingDrop) return false;
    return voicesNear(i).every((m) => cosine(e, m) < s.chorusUnlike);
  });
}

function overlapSeconds(overlaps: Overlap[], start: number, end: number): number {
  let total = 0;
  for (const o of overlaps) {
    if (o.start >= end) break;
    total += Math.max(0, Math.min(end, o.end) - Math.max(start, o.start));
  }
  return total;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}
