import { existsSync, statSync } from 'node:fs';
import { GijirokuError } from '../common/errors';
import { PcmFile } from './pcmFile';
import { SEGMENTATION, TrackBuilder, type Overlap, type SpeakerRun } from './speakerTracks';

/** What the segmentation model tells: runs of one local voice, and where two speak at once. */
export interface Segmentation {
  runs: SpeakerRun[];
  overlaps: Overlap[];
}

/**
 * The pyannote segmentation model over the whole recording, 10 s chunks every
 * `hopS` seconds, through onnxruntime (sherpa-onnx-node runs this model only
 * inside its own diarization pipeline, which embeds every chunk again and costs
 * ≈0.25× the audio). ≈0.01× the audio per pass on one thread; the PCM is read a
 * chunk at a time.
 */
export async function segmentPcm(
  pcmPath: string,
  modelPath: string,
  opts: { hopS: number; threads?: number; onProgress?: (fraction: number) => void },
): Promise<Segmentation> {
  if (!existsSync(modelPath) || !statSync(modelPath).isFile()) throw segmentationModelError(modelPath);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ort = require('onnxruntime-node') as typeof import('onnxruntime-node');
  let session: import('onnxruntime-node').InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: opts.threads ?? 1, interOpNumThreads: 1 });
  } catch (e) {
    throw segmentationModelError(modelPath, e);
  }
  const input = session.inputNames[0] ?? 'x';
  const output = session.outputNames[0] ?? 'y';
  const pcm = new PcmFile(pcmPath);
  const hop = Math.round(opts.hopS * 16_000);
  const builder = new TrackBuilder(hop);
  try {
    const chunks = Math.max(1, Math.ceil(Math.max(0, pcm.samples - SEGMENTATION.windowSamples) / hop) + 1);
    for (let k = 0; k < chunks; k++) {
      const x = new Float32Array(SEGMENTATION.windowSamples);
      x.set(pcm.read(k * hop, SEGMENTATION.windowSamples));
      const result = await session.run({ [input]: new ort.Tensor('float32', x, [1, 1, SEGMENTATION.windowSamples]) });
      const y = result[output];
      if (!y || !(y.data instanceof Float32Array)) throw segmentationModelError(modelPath);
      builder.accept(y.data);
      opts.onProgress?.((k + 1) / chunks);
    }
  } finally {
    pcm.close();
    await session.release();
  }
  const runs = builder.finish();
  return { runs, overlaps: builder.overlapped() };
}

export function segmentationModelError(path: string, cause?: unknown): GijirokuError {
  return new GijirokuError(
    'SPEAKER_MODEL_INVALID',
    {
      ja: `話者の切り替わりを見つけるモデルを読み込めません：${path}。インストールをやり直してください。`,
      en: `The speaker segmentation model could not be loaded: ${path}. Reinstall it.`,
    },
    { cause },
  );
}
