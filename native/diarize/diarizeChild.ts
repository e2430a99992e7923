// One diarization step in a child process. The native calls are synchronous;
// onnxruntime aborts the whole process on a corrupt model; and each embedding
// leaves native memory behind (sherpa-onnx-node 1.13.8 frees a stream only
// when V8 collects it, which it rarely does), so a child embeds a bounded
// batch of windows and exits.
import { isGijirokuError } from '../common/errors';
import type { DiarizationResult } from '../common/speakers';
import type { SpeechRegion } from '../vad/detectSpeech';
import { clusterWindows, embedWindows, voicingOfWindows, type DiarizeSettings, type SpeakerCount } from './diarize';
import type { DiarizeWindow, RefinePiece } from './planWindows';
import { segmentPcm, type Segmentation } from './segmentSpeakers';
import type { Overlap } from './speakerTracks';
import { speechRegionsFromPcm } from './speechRegionsFromPcm';

export type ChildJob =
  | { kind: 'regions'; pcmPath: string; vadModel: string }
  | { kind: 'tracks'; pcmPath: string; segmentationModel: string; hopS: number; threads: number }
  | { kind: 'embed'; pcmPath: string; windows: DiarizeWindow[]; embeddingModel: string; settings: DiarizeSettings; threads: number }
  | { kind: 'cluster'; windows: DiarizeWindow[]; embeddings: (number[] | null)[]; pieces: RefinePiece[]; pieceEmbeddings: (number[] | null)[];
      voicing: (number | null)[]; overlaps: Overlap[]; speakers: SpeakerCount; settings: DiarizeSettings };

/** An embedding batch's answer: per window its embedding (null when too short) and its periodicity. */
export interface EmbeddedBatch {
  embeddings: (number[] | null)[];
  voicing: number[];
}

export type ChildMessage =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; result: SpeechRegion[] | Segmentation | EmbeddedBatch | DiarizationResult }
  | { kind: 'failed'; code: string | null; ja: string; en: string };

async function run(job: ChildJob): Promise<void> {
  const post = (m: ChildMessage): void => {
    // the last message may be large: leave only once it is written
    if (m.kind === 'progress') process.send?.(m);
    else process.send?.(m, undefined, {}, () => process.disconnect?.());
  };
  let last = 0;
  const onProgress = (fraction: number): void => {
    if (fraction - last >= 0.01 || fraction === 1) { last = fraction; post({ kind: 'progress', fraction }); }
  };
  try {
    if (job.kind === 'regions') post({ kind: 'done', result: speechRegionsFromPcm(job.pcmPath, job.vadModel) });
    else if (job.kind === 'tracks') {
      post({ kind: 'done', result: await segmentPcm(job.pcmPath, job.segmentationModel, { hopS: job.hopS, threads: job.threads, onProgress }) });
    } else if (job.kind === 'embed') {
      const embeddings = embedWindows(job.pcmPath, job.windows, job.embeddingModel, job.settings, job.threads, onProgress);
      const batch: EmbeddedBatch = { embeddings: embeddings.map((e) => (e ? Array.from(e) : null)), voicing: voicingOfWindows(job.pcmPath, job.windows, job.settings) };
      post({ kind: 'done', result: batch });
    } else {
      const floats = (list: (number[] | null)[]): (Float32Array | null)[] => list.map((e) => (e ? Float32Array.from(e) : null));
      post({ kind: 'done', result: clusterWindows(job.windows, floats(job.embeddings), job.speakers, job.settings, job.pieces, floats(job.pieceEmbeddings),
        { voicing: job.voicing, overlaps: job.overlaps }) });
    }
  } catch (e) {
    if (isGijirokuError(e)) post({ kind: 'failed', code: e.code, ja: e.text.ja, en: e.text.en });
    else post({ kind: 'failed', code: null, ja: String(e), en: e instanceof Error ? e.message : String(e) });
  }
}

if (require.main === module) {
  process.once('message', (job: ChildJob) => { void run(job); });
}
