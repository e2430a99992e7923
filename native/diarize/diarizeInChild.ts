import { join } from 'node:path';
import { forkJob } from '../process/forkJob';
import type { DiarizationResult } from '../common/speakers';
import type { SpeechRegion } from '../vad/detectSpeech';
import { DEFAULT_DIARIZE, planWindows, type DiarizeRequest } from './diarize';
import type { ChildJob } from './diarizeChild';
import { speakerModelError } from './speakerEmbedder';

/** Windows per embedding process: bounds the native memory each embedding leaves behind (≈ 0.3 MB per 8 s window). */
const WINDOWS_PER_CHILD = 200;

/**
 * diarize() off the event loop: VAD, embedding batches and clustering each in
 * a child process, so Electron main or the job runner stays free, a native
 * abort (corrupt model) is an error rather than a crash, and memory stays flat
 * however long the meeting.
 */
export async function diarizeInChild(req: DiarizeRequest & { signal?: AbortSignal }): Promise<DiarizationResult> {
  const settings = { ...DEFAULT_DIARIZE, ...req.settings };
  let regions = req.regions;
  if (!regions) {
    if (!req.vadModel) throw new Error('diarize: give speech regions or a VAD model');
    regions = await runChild<SpeechRegion[]>({ kind: 'regions', pcmPath: req.pcmPath, vadModel: req.vadModel }, req.signal);
  }
  const windows = planWindows(regions, settings);
  const embeddings: (number[] | null)[] = [];
  for (let from = 0; from < windows.length || from === 0; from += WINDOWS_PER_CHILD) {
    const batch = windows.slice(from, from + WINDOWS_PER_CHILD);
    const part = await runChild<(number[] | null)[]>({
      kind: 'embed', pcmPath: req.pcmPath, windows: batch, embeddingModel: req.embeddingModel, settings, threads: req.threads ?? 2,
    }, req.signal, (f) => req.onProgress?.(windows.length === 0 ? f : (from + f * batch.length) / windows.length), req.embeddingModel);
    embeddings.push(...part);
    if (windows.length === 0) break;
  }
  return runChild<DiarizationResult>({ kind: 'cluster', windows, embeddings, speakers: req.speakers ?? null, settings }, req.signal);
}

function runChild<T>(job: ChildJob, signal?: AbortSignal, onProgress?: (f: number) => void, model?: string): Promise<T> {
  return forkJob<T>(join(__dirname, 'diarizeChild.js'), job, {
    signal,
    onProgress,
    // onnxruntime aborts on a model it cannot parse
    ended: (stderr, code, sig) => (model && /Load model from|onnx|Protobuf/i.test(stderr)
      ? speakerModelError(model, new Error(stderr.trim()))
      : new Error(`diarization process ended (${sig ?? code}): ${stderr.trim().slice(0, 500)}`)),
  });
}
