import { SAMPLE_RATE } from '../audio/wavHeader';
import type { DiarizationResult } from '../common/speakers';
import type { SpeechRegion } from '../vad/detectSpeech';
import { buildTurns, type LabelledSpan } from './buildTurns';
import { clusterEmbeddings, type ClusterItem } from './clusterEmbeddings';
import { PcmFile } from './pcmFile';
import { SpeakerEmbedder } from './speakerEmbedder';
import { speechRegionsFromPcm } from './speechRegionsFromPcm';

export interface DiarizeSettings {
  /** speech regions are cut into windows of about this length, each embedded once */
  windowS: number;
  /** windows shorter than this are not embedded; they take the voice of the nearest window */
  minEmbedS: number;
  /** average-linkage stop: cosine similarity below which two clusters are different voices */
  threshold: number;
  /** a cluster with less speech than this (seconds) is an outlier stretch, not a voice of its own */
  minClusterS: number;
  /** … nor one with less than this share of all speech: in a long meeting, stray stretches add up past minClusterS */
  minClusterShare: number;
  /** voices whose mean embeddings are at least this similar are merged (automatic count only) */
  sameVoice: number;
  /** the same when the user gave the number of voices: a told count makes smaller clusters believable */
  hintMinClusterS: number;
  /** pauses up to this long inside one voice's speech belong to the turn */
  fillGapS: number;
}

/**
 * Chosen on m01–m03 with both Silero v5 and v6 regions (see ARCHITECTURE.md, "Speaker segmentation"):
 * every threshold in 0.80–0.82 finds 3/4/3 voices with either VAD (v6: DER 0.016/0.009/0.008); at 0.78 and
 * below m02's two nearly identical voices (保育課長, 山本委員) join with v6 regions. minClusterS 8: a voice
 * speaks at least 8 s in a meeting; smaller clusters are outlier stretches joined to the nearest voice.
 * sameVoice 0.9: the middle of 0.88–0.95, where m01–m03 do not change; on long_council_20min it joins
 * fragments of one voice (v5 regions 13 → 10 clusters, v6 11 → 9; 10 speaker ids, 8 distinct voices).
 * minClusterShare 0.01: long_council_20min repeated 3 times (1 h) found 27 voices with 8 s alone (its
 * stray stretches, 3–12 s each, tripled); 1 % of the speech leaves the short files as they were.
 */
export const DEFAULT_DIARIZE: DiarizeSettings = {
  windowS: 10, minEmbedS: 0.5, threshold: 0.81, minClusterS: 8, minClusterShare: 0.01, sameVoice: 0.9, hintMinClusterS: 4, fillGapS: 1.0,
};

export interface DiarizeRequest {
  /** the job's 16 kHz mono s16le PCM */
  pcmPath: string;
  embeddingModel: string;
  /** speech regions in samples (e.g. from the engine's VAD); found here with `vadModel` when absent */
  regions?: SpeechRegion[];
  vadModel?: string;
  /** the number of voices when known; null/undefined = automatic */
  speakers?: number | null;
  settings?: Partial<DiarizeSettings>;
  threads?: number;
  /** 0..1 */
  onProgress?: (fraction: number) => void;
}

export interface DiarizeWindow {
  /** samples */
  start: number;
  end: number;
  /** index of the speech region it was cut from */
  region: number;
}

/**
 * Speaker diarization from what the engine already knows: speech regions
 * (Silero VAD), one CAM++ embedding per window of speech, average-linkage
 * clustering, then turns. Reads the PCM file a window at a time. Synchronous;
 * diarizeInChild runs the same steps in child processes.
 */
export function diarize(req: DiarizeRequest): DiarizationResult {
  const s: DiarizeSettings = { ...DEFAULT_DIARIZE, ...req.settings };
  let regions = req.regions;
  if (!regions) {
    if (!req.vadModel) throw new Error('diarize: give speech regions or a VAD model');
    regions = speechRegionsFromPcm(req.pcmPath, req.vadModel);
  }
  const windows = planWindows(regions, s);
  const embeddings = embedWindows(req.pcmPath, windows, req.embeddingModel, s, req.threads ?? 2, req.onProgress);
  return clusterWindows(windows, embeddings, req.speakers ?? null, s);
}

/** One embedding per window long enough to judge (null for the rest). */
export function embedWindows(pcmPath: string, windows: DiarizeWindow[], model: string, s: Pick<DiarizeSettings, 'minEmbedS'>,
  threads = 2, onProgress?: (fraction: number) => void): (Float32Array | null)[] {
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

/** Pure: embedded windows → voices and turns. */
export function clusterWindows(windows: DiarizeWindow[], embeddings: (Float32Array | null)[], speakers: number | null,
  s: DiarizeSettings = DEFAULT_DIARIZE): DiarizationResult {
  const embedded = windows.map((_, i) => i).filter((i) => embeddings[i]);
  const items: ClusterItem[] = embedded.map((i) => ({
    embedding: embeddings[i] as Float32Array,
    weight: ((windows[i] as DiarizeWindow).end - (windows[i] as DiarizeWindow).start) / SAMPLE_RATE,
  }));
  const speech = items.reduce((n, it) => n + it.weight, 0);
  const minClusterS = speakers === null ? Math.max(s.minClusterS, s.minClusterShare * speech) : s.hintMinClusterS;
  const labels = clusterEmbeddings(items, { threshold: s.threshold, speakers, sameVoice: s.sameVoice, minClusterS });
  const clusterOf = new Array<number>(windows.length).fill(-1);
  embedded.forEach((w, k) => { clusterOf[w] = labels[k] ?? 0; });
  fillFromNeighbours(windows, clusterOf);
  const spans: LabelledSpan[] = windows.map((w, i) => ({
    start: w.start / SAMPLE_RATE,
    end: w.end / SAMPLE_RATE,
    cluster: clusterOf[i] ?? 0,
    embedding: embeddings[i] ?? null,
  }));
  return buildTurns(spans, s.fillGapS);
}

/** Regions longer than a window are cut into equal windows near `windowS` long. */
export function planWindows(regions: SpeechRegion[], s: Pick<DiarizeSettings, 'windowS'>): DiarizeWindow[] {
  const size = s.windowS * SAMPLE_RATE;
  const out: DiarizeWindow[] = [];
  regions.forEach((r, region) => {
    const length = r.end - r.start;
    if (length <= 0) return;
    const k = Math.max(1, Math.round(length / size));
    for (let j = 0; j < k; j++) {
      out.push({ start: r.start + Math.round((j * length) / k), end: r.start + Math.round(((j + 1) * length) / k), region });
    }
  });
  return out;
}

/** Windows too short to embed take the voice of the nearest embedded window, preferring their own region. */
function fillFromNeighbours(windows: DiarizeWindow[], clusterOf: number[]): void {
  for (let i = 0; i < windows.length; i++) {
    if ((clusterOf[i] ?? -1) >= 0) continue;
    const w = windows[i] as DiarizeWindow;
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < windows.length; j++) {
      if ((clusterOf[j] ?? -1) < 0 || (windows[j] as DiarizeWindow).end < w.start - 30 * SAMPLE_RATE) continue;
      const o = windows[j] as DiarizeWindow;
      if (o.start > w.end + 30 * SAMPLE_RATE) break;
      const d = Math.max(0, o.start - w.end, w.start - o.end) + (o.region === w.region ? 0 : SAMPLE_RATE);
      if (d < bestD) { bestD = d; best = j; }
    }
    clusterOf[i] = best >= 0 ? (clusterOf[best] ?? 0) : 0;
  }
}

