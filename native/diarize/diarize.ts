import { SAMPLE_RATE } from '../audio/wavHeader';
import type { DiarizationResult } from '../common/speakers';
import type { SpeechRegion } from '../vad/detectSpeech';
import { buildTurns, type LabelledSpan } from './buildTurns';
import { centroidItem, cosine, groupBy } from './clusterEmbeddings';
import { clusterVoices, type VoiceItem } from './clusterVoices';
import { findChorus } from './findChorus';
import type { DiarizeWindow, RefinePiece } from './planWindows';
import { splitAtShortTurns, type ShortTurn } from './shortTurns';
import type { Overlap } from './speakerTracks';

export type { DiarizeWindow, RefinePiece } from './planWindows';

export interface DiarizeSettings {
  /** VAD regions are cut into windows of about this length, each embedded once */
  windowS: number;
  /** a change of track across a pause longer than this is not a change point */
  changeGapS: number;
  /** a change this close to a window's edge is the pause between regions, not a turn inside the window */
  changeMarginS: number;
  /** a segmentation run shorter than this does not add speech the VAD missed */
  minRunS: number;
  /** the segmentation model's 10 s chunks start this far apart */
  segmentationHopS: number;
  /** windows shorter than this are not embedded; they take the voice of the nearest window */
  minEmbedS: number;
  /** windows shorter than this do not shape the voices; each joins the voice most like it */
  minItemS: number;
  /** average-linkage stop: cosine similarity below which two clusters are different voices */
  threshold: number;
  /** a cluster with less speech than this (seconds) is a voice only when it is unlike every larger voice */
  minClusterS: number;
  /** … unlike: its mean embedding's cosine to every larger voice is below this */
  distinctBelow: number;
  /** and it has at least this much speech: a one-line speaker (「異議なし。」) */
  minVoiceS: number;
  /** a smaller cluster is also a voice when it has this much speech in two windows or more … */
  minRepeatS: number;
  /** … and its mean is less alike than this to every larger voice */
  repeatUnlike: number;
  /** voices whose mean embeddings are at least this similar are merged (automatic count only) */
  sameVoice: number;
  /** a hinted count (the roster's size) may move the threshold by at most this much */
  hintRange: number;
  /** no speech for this long is a recess: the sessions either side are clustered apart, then linked */
  sessionGapS: number;
  /** voices of two sessions are one voice when their means are at least this alike */
  linkSessions: number;
  /** pauses up to this long inside one voice's speech belong to the turn */
  fillGapS: number;
  /** a voice whose every stretch follows a longer stretch of one voice after a pause this short (0 = off) … */
  continueGapS: number;
  /** … and is at least this alike to it, with that voice speaking again straight after, is that voice: it joins it … */
  continueAlike: number;
  /** … or at least this alike when another voice speaks next (the end of a long turn) */
  followAlike: number;
  /** that voice speaks again this soon after the stretch: the stretch lies inside its turn */
  insideGapS: number;
  /** a chorus (議場) is a window at most this long … */
  chorusMaxS: number;
  /** … with at least this much silence either side … */
  chorusPauseS: number;
  /** … and either its periodicity is this far below the recording's usual … */
  chorusVoicingDrop: number;
  /** … while its embedding is less alike than this to every voice … */
  chorusUnlike: number;
  /** … or the segmentation model hears two voices at once in it for at least this long (seconds) */
  chorusOverlapS: number;
  /** windows and pieces at least this long are searched for a short turn of another voice (shortTurns.ts) … */
  turnScanS: number;
  /** … between dips in loudness this far below their loud frames … */
  turnDipDb: number;
  /** … (or this share of the way down to their quietest frames, when that is less) … */
  turnDipShare: number;
  /** … at least this long … */
  turnDipS: number;
  /** … a candidate of this many seconds … */
  turnMinS: number;
  turnMaxS: number;
  /** … is another voice's turn when at least this like that voice … */
  turnAlike: number;
  /** … and this much more like it than like the voice around it */
  turnMargin: number;
}

/** Chosen by cross-validation on the corpus's tune half; the figures are in ARCHITECTURE.md ("Speaker segmentation"). */
export const DEFAULT_DIARIZE: DiarizeSettings = {
  windowS: 10,
  changeGapS: 1.0,
  changeMarginS: 0.3,
  minRunS: 1.0,
  segmentationHopS: 5,
  minEmbedS: 0.5,
  minItemS: 1.5,
  threshold: 0.81,
  minClusterS: 7,
  distinctBelow: 0.5,
  minVoiceS: 0.8,
  minRepeatS: 4,
  repeatUnlike: 0.75,
  sameVoice: 0.9,
  hintRange: 0.06,
  sessionGapS: 60,
  linkSessions: 0.97,
  fillGapS: 1.0,
  continueGapS: 1.5,
  continueAlike: 0.5,
  followAlike: 0.75,
  insideGapS: 3,
  chorusMaxS: 1.5,
  chorusPauseS: 0.35,
  chorusVoicingDrop: 0.2,
  chorusUnlike: 0.62,
  chorusOverlapS: 0.1,
  turnScanS: 2.5,
  turnDipDb: 20,
  turnDipShare: 0.75,
  turnDipS: 0.08,
  turnMinS: 0.55,
  turnMaxS: 2,
  turnAlike: 0.6,
  turnMargin: 0.1,
};

/** The number of voices: `exact` when the user said how many, `hint` when it is only known roughly (the roster's size). */
export interface SpeakerCount {
  exact: number | null;
  hint: number | null;
}

export interface DiarizeRequest {
  /** the job's 16 kHz mono s16le PCM */
  pcmPath: string;
  embeddingModel: string;
  /** pyannote segmentation: where voices change inside speech, and speech the VAD missed; absent = VAD regions only */
  segmentationModel?: string;
  /** speech regions in samples (e.g. from the engine's VAD); found here with `vadModel` when absent */
  regions?: SpeechRegion[];
  vadModel?: string;
  /** the number of voices when known; null/undefined = automatic */
  speakers?: number | null;
  /** about this many voices (the roster's size): moves the automatic cut within bounds, never forces it */
  speakerHint?: number | null;
  settings?: Partial<DiarizeSettings>;
  threads?: number;
  /** 0..1 */
  onProgress?: (fraction: number) => void;
}

/** What clustering works from: the windows and pieces with their embeddings, and what else was heard in them. */
export interface EmbeddedSpeech {
  windows: DiarizeWindow[];
  embeddings: (Float32Array | null)[];
  /** the second pass (planRefinement): parts of windows cut where the voice changes, and speech the VAD missed */
  pieces: RefinePiece[];
  pieceEmbeddings: (Float32Array | null)[];
  /** per window: its periodicity (voicing.ts), for the chorus */
  voicing: (number | null)[];
  /** where the segmentation model hears two voices at once */
  overlaps: Overlap[];
  /** short stretches inside windows and pieces that may be another voice's turn, embedded */
  shortTurns: ShortTurn[];
}

/**
 * Pure: embedded windows → voices (clusterVoices) and the chorus (findChorus),
 * then the second pass: each piece (part of a window cut at a voice change, or
 * speech the VAD missed) takes the voice whose mean embedding is most like its
 * own, or its window's voice when it is too short to embed; a short stretch
 * inside a window or piece that sounds like another voice becomes its turn;
 * then turns.
 */
export function clusterWindows(input: EmbeddedSpeech, count: SpeakerCount, s: DiarizeSettings = DEFAULT_DIARIZE): DiarizationResult {
  const { windows, embeddings, pieces, pieceEmbeddings } = input;
  const cues = { voicing: input.voicing, overlaps: input.overlaps };
  const embedded = windows.map((_, i) => i).filter((i) => embeddings[i]);
  const items: VoiceItem[] = embedded.map((i) => {
    const w = windows[i] as DiarizeWindow;
    return {
      embedding: embeddings[i] as Float32Array,
      weight: (w.end - w.start) / SAMPLE_RATE,
      start: w.start / SAMPLE_RATE,
      end: w.end / SAMPLE_RATE,
    };
  });
  const sessions = sessionsOf(
    embedded.map((i) => windows[i] as DiarizeWindow),
    s.sessionGapS,
  );
  const auto = clusterVoices(items, s, { exact: null, hint: count.hint }, sessions);
  // a told count includes the chorus (it is a voice of the minutes): told one voice, there is none
  const chorus =
    count.exact !== null && count.exact < 2
      ? windows.map(() => false)
      : findChorus(windows, embeddings, sessionVoices(windows, embedded, items, auto, sessions), cues, s);
  const hasChorus = chorus.some(Boolean);
  const labels =
    count.exact === null ? auto : clusterVoices(items, s, { exact: Math.max(1, count.exact - (hasChorus ? 1 : 0)), hint: null }, sessions);
  const chorusCluster = labels.reduce((n, l) => Math.max(n, l + 1), 0);
  const clusterOf = new Array<number>(windows.length).fill(-1);
  embedded.forEach((w, k) => {
    clusterOf[w] = chorus[w] ? chorusCluster : (labels[k] ?? 0);
  });
  fillFromNeighbours(windows, clusterOf);
  const voiced = embedded.map((w, k) => k).filter((k) => !chorus[embedded[k] as number]);
  const voices = voiceMeans(
    voiced.map((k) => items[k] as VoiceItem),
    voiced.map((k) => labels[k] ?? 0),
  );
  const refined = new Set(pieces.map((p) => p.window));
  const spans: LabelledSpan[] = [];
  // which window (index) or piece (windows.length + index) each span is
  const source: number[] = [];
  windows.forEach((w, i) => {
    if (refined.has(i)) return;
    spans.push({ start: w.start / SAMPLE_RATE, end: w.end / SAMPLE_RATE, cluster: clusterOf[i] ?? 0, embedding: embeddings[i] ?? null });
    source.push(i);
  });
  const loose: DiarizeWindow[] = [];
  const looseCluster: number[] = [];
  pieces.forEach((p, k) => {
    const e = pieceEmbeddings[k] ?? null;
    if (!e && p.window < 0) {
      loose.push(p);
      looseCluster.push(-1);
      return;
    }
    const cluster = e ? nearestVoice(e, voices) : (clusterOf[p.window] ?? 0);
    spans.push({ start: p.start / SAMPLE_RATE, end: p.end / SAMPLE_RATE, cluster, embedding: e });
    source.push(windows.length + k);
  });
  const turned = splitAtShortTurns(spans, source, input.shortTurns, voices, s);
  if (loose.length > 0) {
    // missed speech too short to embed: the voice of the nearest labelled span
    for (let i = 0; i < loose.length; i++) {
      const p = loose[i] as DiarizeWindow;
      let best = 0;
      let bestD = Infinity;
      for (const sp of spans) {
        const d = Math.max(0, sp.start - p.end / SAMPLE_RATE, p.start / SAMPLE_RATE - sp.end);
        if (d < bestD) {
          bestD = d;
          best = sp.cluster;
        }
      }
      looseCluster[i] = best;
    }
    loose.forEach((p, i) =>
      turned.push({ start: p.start / SAMPLE_RATE, end: p.end / SAMPLE_RATE, cluster: looseCluster[i] ?? 0, embedding: null }),
    );
  }
  return buildTurns(turned, s.fillGapS);
}

/** For each window, the mean embeddings of the voices heard in its session (that of the nearest embedded window). */
function sessionVoices(
  windows: DiarizeWindow[],
  embedded: number[],
  items: VoiceItem[],
  labels: number[],
  sessions: number[],
): (window: number) => Float32Array[] {
  const perSession = groupBy(sessions).map((members) =>
    voiceMeans(
      members.map((k) => items[k] as VoiceItem),
      members.map((k) => labels[k] ?? 0),
    ).filter((m) => m.length > 0),
  );
  return (window) => {
    let k = embedded.findIndex((w) => w >= window);
    if (k < 0) k = embedded.length - 1;
    return perSession[sessions[k] ?? 0] ?? [];
  };
}

/** Session number per window (sorted by time): a gap of `gapS` without speech starts a new one. */
function sessionsOf(windows: DiarizeWindow[], gapS: number): number[] {
  let session = 0;
  return windows.map((w, i) => {
    const prev = windows[i - 1];
    if (prev && (w.start - prev.end) / SAMPLE_RATE >= gapS) session++;
    return session;
  });
}

function voiceMeans(items: VoiceItem[], labels: number[]): Float32Array[] {
  const k = labels.reduce((n, l) => Math.max(n, l + 1), 0);
  return Array.from({ length: k }, (_, v) => {
    const members = items.filter((_, i) => labels[i] === v);
    return members.length > 0 ? centroidItem(members).embedding : new Float32Array(0);
  });
}

function nearestVoice(e: Float32Array, voices: Float32Array[]): number {
  let best = 0;
  let bv = -Infinity;
  voices.forEach((v, k) => {
    if (v.length === 0) return;
    const sim = cosine(e, v);
    if (sim > bv) {
      bv = sim;
      best = k;
    }
  });
  return best;
}

/** Windows too short to embed take the voice of the nearest embedded window, preferring their own stretch. */
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
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    clusterOf[i] = best >= 0 ? (clusterOf[best] ?? 0) : 0;
  }
}
