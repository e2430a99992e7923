// One diarization step in a child process. The native calls are synchronous;
// onnxruntime aborts the whole process on a corrupt model; and each embedding
// leaves native memory behind (sherpa-onnx-node 1.13.8 frees a stream only
// when V8 collects it, which it rarely does), so a child embeds a bounded
// batch of windows and exits.
import { isGijirokuError } from '../common/errors';
import type { DiarizationResult } from '../common/speakers';
import type { SpeechRegion } from '../vad/detectSpeech';
import { clusterWindows, type DiarizeSettings, type SpeakerCount } from './diarize';
import { embedWindows, findShortTurns, voicingOfWindows } from './embedWindows';
import type { DiarizeWindow, RefinePiece } from './planWindows';
import { segmentPcm, type Segmentation } from './segmentSpeakers';
import type { Overlap } from './speakerTracks';
import { speechRegionsFromPcm } from './speechRegionsFromPcm';

export type ChildJob =
  | { kind: 'regions'; pcmPath: string; vadModel: string }
  | { kind: 'tracks'; pcmPath: string; segmentationModel: string; hopS: number; threads: number }
  | {
      kind: 'embed';
      pcmPath: string;
      windows: DiarizeWindow[];
      scan: boolean[];
      embeddingModel: string;
      settings: DiarizeSettings;
      threads: number;
    }
  | {
      kind: 'cluster';
      windows: DiarizeWindow[];
      embeddings: (number[] | null)[];
      pieces: RefinePiece[];
      pieceEmbeddings: (number[] | null)[];
      voicing: (number | null)[];
      overlaps: Overlap[];
      shortTurns: WireShortTurn[];
      speakers: SpeakerCount;
      settings: DiarizeSettings;
    };

/** A short-turn candidate as it crosses the process boundary (`span`: index in the job's windows). */
export interface WireShortTurn {
  span: number;
  start: number;
  end: number;
  embedding: number[];
}

/** An embedding batch's answer: per window its embedding (null when too short) and periodicity, and the short-turn candidates. */
export interface EmbeddedBatch {
  embeddings: (number[] | null)[];
  voicing: number[];
  shortTurns: WireShortTurn[];
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
    if (fraction - last >= 0.01 || fraction === 1) {
      last = fraction;
      post({ kind: 'progress', fraction });
    }
  };
  try {
    if (job.kind === 'regions') post({ kind: 'done', result: speechRegionsFromPcm(job.pcmPath, job.vadModel) });
    else if (job.kind === 'tracks') {
      post({
        kind: 'done',
        result: await segmentPcm(job.pcmPath, job.segmentationModel, { hopS: job.hopS, threads: job.threads, onProgress }),
      });
    } else if (job.kind === 'embed') {
      const embeddings = embedWindows(job.pcmPath, job.windows, job.embeddingModel, job.settings, job.threads, onProgress);
      const turns = findShortTurns(job.pcmPath, job.windows, job.scan, job.embeddingModel, job.settings, job.threads);
      const batch: EmbeddedBatch = {
        embeddings: embeddings.map((e) => (e ? Array.from(e) : null)),
        voicing: voicingOfWindows(job.pcmPath, job.windows, job.settings),
        shortTurns: turns.map((t) => ({ ...t, embedding: Array.from(t.embedding) })),
      };
      post({ kind: 'done', result: batch });
    } else {
      const floats = (list: (number[] | null)[]): (Float32Array | null)[] => list.map((e) => (e ? Float32Array.from(e) : null));
      post({
        kind: 'done',
        result: clusterWindows(
          {
            windows: job.windows,
            embeddings: floats(job.embeddings),
            pieces: job.pieces,
            pieceEmbeddings: floats(job.pieceEmbeddings),
            voicing: job.voicing,
            overlaps: job.overlaps,
            shortTurns: job.shortTurns.map((t) => ({ ...t, embedding: Float32Array.from(t.embedding) })),
          },
          job.speakers,
          job.settings,
        ),
      });
    }
  } catch (e) {
    if (isGijirokuError(e)) post({ kind: 'failed', code: e.code, ja: e.text.ja, en: e.text.en });
    else post({ kind: 'failed', code: null, ja: String(e), en: e instanceof Error ? e.message : String(e) });
  }
}

if (require.main === module) {
  process.once('message', (job: ChildJob) => {
    void run(job);
  });
}
