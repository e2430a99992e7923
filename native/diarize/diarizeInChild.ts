import { join } from 'node:path';
import { forkJob } from '../process/forkJob';
import type { DiarizationResult } from '../common/speakers';
import type { SpeechRegion } from '../vad/detectSpeech';
import { DEFAULT_DIARIZE, type DiarizeRequest } from './diarize';
import type { ChildJob, EmbeddedBatch, WireShortTurn } from './diarizeChild';
import { planRefinement, planWindows } from './planWindows';
import type { Segmentation } from './segmentSpeakers';
import { speakerModelError } from './speakerEmbedder';

/** Windows per embedding process: bounds the native memory each embedding leaves behind (≈ 0.3 MB per 8 s window). */
const WINDOWS_PER_CHILD = 200;
/** Share of the progress bar for the segmentation pass (it runs beside the VAD, before the embeddings). */
const SEGMENTATION_SHARE = 0.15;

/**
 * Diarization off the event loop: the VAD and the segmentation model (side by
 * side, one core each), embedding batches and clustering each in a child
 * process, so Electron main or the job runner stays free, a native abort
 * (corrupt model) is an error rather than a crash, and memory stays flat
 * however long the meeting.
 */
export async function diarizeInChild(req: DiarizeRequest & { signal?: AbortSignal }): Promise<DiarizationResult> {
  const settings = { ...DEFAULT_DIARIZE, ...req.settings };
  const segShare = req.segmentationModel ? SEGMENTATION_SHARE : 0;
  // the two first steps run side by side; when one fails, the other is stopped
  const both = new AbortController();
  const stop = (): void => both.abort();
  if (req.signal?.aborted) stop();
  req.signal?.addEventListener('abort', stop, { once: true });
  const regionsJob = req.regions
    ? Promise.resolve(req.regions)
    : req.vadModel
      ? runChild<SpeechRegion[]>({ kind: 'regions', pcmPath: req.pcmPath, vadModel: req.vadModel }, both.signal)
      : Promise.reject(new Error('diarize: give speech regions or a VAD model'));
  const segJob = req.segmentationModel
    ? runChild<Segmentation>(
        { kind: 'tracks', pcmPath: req.pcmPath, segmentationModel: req.segmentationModel, hopS: settings.segmentationHopS, threads: 1 },
        both.signal,
        (f) => req.onProgress?.(f * segShare),
        req.segmentationModel,
      )
    : Promise.resolve<Segmentation>({ runs: [], overlaps: [] });
  const [regions, segmentation] = await Promise.all([regionsJob, segJob])
    .catch((e: unknown) => {
      stop();
      throw e;
    })
    .finally(() => req.signal?.removeEventListener('abort', stop));
  const windows = planWindows(regions, settings);
  const pieces = planRefinement(windows, segmentation.runs, settings);
  // one embedding pass over both: the windows shape the voices, the pieces are given one
  const all = [...windows, ...pieces];
  // windows a piece replaces are not searched for short turns (their pieces are)
  const refined = new Set(pieces.map((p) => p.window));
  const scan = all.map((_, i) => i >= windows.length || !refined.has(i));
  const embeddings: (number[] | null)[] = [];
  const voicing: number[] = [];
  const shortTurns: WireShortTurn[] = [];
  for (let from = 0; from < all.length || from === 0; from += WINDOWS_PER_CHILD) {
    const batch = all.slice(from, from + WINDOWS_PER_CHILD).map(({ start, end, region }) => ({ start, end, region }));
    const part = await runChild<EmbeddedBatch>(
      {
        kind: 'embed',
        pcmPath: req.pcmPath,
        windows: batch,
        scan: scan.slice(from, from + WINDOWS_PER_CHILD),
        embeddingModel: req.embeddingModel,
        settings,
        threads: req.threads ?? 2,
      },
      req.signal,
      (f) => req.onProgress?.(segShare + (1 - segShare) * (all.length === 0 ? f : (from + f * batch.length) / all.length)),
      req.embeddingModel,
    );
    embeddings.push(...part.embeddings);
    voicing.push(...part.voicing);
    shortTurns.push(...part.shortTurns.map((t) => ({ ...t, span: t.span + from })));
    if (all.length === 0) break;
  }
  return runChild<DiarizationResult>(
    {
      kind: 'cluster',
      windows,
      embeddings: embeddings.slice(0, windows.length),
      pieces,
      pieceEmbeddings: embeddings.slice(windows.length),
      voicing: voicing.slice(0, windows.length),
      overlaps: segmentation.overlaps,
      shortTurns,
      speakers: { exact: req.speakers ?? null, hint: req.speakerHint ?? null },
      settings,
    },
    req.signal,
  );
}

function runChild<T>(job: ChildJob, signal?: AbortSignal, onProgress?: (f: number) => void, model?: string): Promise<T> {
  return forkJob<T>(join(__dirname, 'diarizeChild.js'), job, {
    signal,
    onProgress,
    // onnxruntime aborts on a model it cannot parse
    ended: (stderr, code, sig) =>
      model && /Load model from|onnx|Protobuf/i.test(stderr)
        ? speakerModelError(model, new Error(stderr.trim()))
        : new Error(`diarization process ended (${sig ?? code}): ${stderr.trim().slice(0, 500)}`),
  });
}
