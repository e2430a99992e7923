import { SAMPLE_RATE } from '../audio/wavHeader';
import type { DiarizeSettings, DiarizeWindow } from './diarize';
import { PcmFile } from './pcmFile';
import { shortTurnCandidates, type ShortTurn } from './shortTurns';
import { SpeakerEmbedder } from './speakerEmbedder';
import { periodicity } from './voicing';

/** One embedding per window long enough to judge (null for the rest). */
export function embedWindows(
  pcmPath: string,
  windows: DiarizeWindow[],
  model: string,
  s: Pick<DiarizeSettings, 'minEmbedS'>,
  threads = 2,
  onProgress?: (fraction: number) => void,
): (Float32Array | null)[] {
  const embedder = new SpeakerEmbedder(model, threads);
  const pcm = new PcmFile(pcmPath);
  const embeddings: (Float32Array | null)[] = [];
  try {
    windows.forEach((w, i) => {
      const long = w.end - w.start >= s.minEmbedS * SAMPLE_RATE;
      embeddings.push(long ? embedder.embed(pcm.read(w.start, w.end - w.start)) : null);
      onProgress?.((i + 1) / windows.length);
    });
  } finally {
    pcm.close();
  }
  return embeddings;
}

/** Each window's periodicity (voicing.ts): of the whole window up to `chorusMaxS`, of its middle second beyond. */
export function voicingOfWindows(pcmPath: string, windows: DiarizeWindow[], s: Pick<DiarizeSettings, 'chorusMaxS'>): number[] {
  const pcm = new PcmFile(pcmPath);
  try {
    return windows.map((w) => {
      const length = w.end - w.start;
      if (length <= s.chorusMaxS * SAMPLE_RATE) return periodicity(pcm.read(w.start, length));
      const excerpt = Math.min(length, SAMPLE_RATE);
      return periodicity(pcm.read(w.start + Math.floor((length - excerpt) / 2), excerpt));
    });
  } finally {
    pcm.close();
  }
}

/** The short-turn candidates (shortTurns.ts) inside each span marked `scan`, embedded; `span` is the index in `spans`. */
export function findShortTurns(
  pcmPath: string,
  spans: DiarizeWindow[],
  scan: boolean[],
  model: string,
  s: DiarizeSettings,
  threads = 2,
): ShortTurn[] {
  const pcm = new PcmFile(pcmPath);
  let embedder: SpeakerEmbedder | null = null;
  const out: ShortTurn[] = [];
  try {
    spans.forEach((w, span) => {
      if (!scan[span]) return;
      for (const c of shortTurnCandidates(pcm.read(w.start, w.end - w.start), s)) {
        embedder ??= new SpeakerEmbedder(model, threads);
        const embedding = embedder.embed(pcm.read(w.start + c.start, c.end - c.start));
        if (embedding) out.push({ span, start: w.start + c.start, end: w.start + c.end, embedding });
      }
    });
  } finally {
    pcm.close();
  }
  return out;
}
