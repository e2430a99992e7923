import { existsSync, statSync } from 'node:fs';
import { SAMPLE_RATE } from '../audio/wavHeader';
import { GijirokuError } from '../common/errors';

/**
 * CAM++ speaker embeddings through sherpa-onnx. The native call is synchronous:
 * run it in a worker thread (diarizeInWorker) when an event loop must stay free.
 */
export class SpeakerEmbedder {
  private readonly extractor: import('sherpa-onnx-node').SpeakerEmbeddingExtractor;
  readonly dim: number;

  constructor(modelPath: string, numThreads = 2) {
    if (!existsSync(modelPath) || !statSync(modelPath).isFile()) throw speakerModelError(modelPath);
    const sherpa = require('sherpa-onnx-node') as typeof import('sherpa-onnx-node');
    try {
      this.extractor = new sherpa.SpeakerEmbeddingExtractor({ model: modelPath, numThreads, debug: false });
      this.dim = this.extractor.dim;
    } catch (e) {
      throw speakerModelError(modelPath, e);
    }
    if (!(this.dim > 0)) throw speakerModelError(modelPath);
  }

  /** L2-normalised embedding of one stretch of speech, or null when it is too short to judge. */
  embed(samples: Float32Array): Float32Array | null {
    const stream = this.extractor.createStream();
    stream.acceptWaveform({ samples, sampleRate: SAMPLE_RATE });
    stream.inputFinished();
    if (!this.extractor.isReady(stream)) return null;
    // a copy owned by JS: Electron >= 21 refuses external buffers
    const v = Float32Array.from(this.extractor.compute(stream, false));
    return normalise(v);
  }
}

export function normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / n;
  return v;
}

export function speakerModelError(path: string, cause?: unknown): GijirokuError {
  return new GijirokuError(
    'SPEAKER_MODEL_INVALID',
    {
      ja: `話者を区別するモデルを読み込めません：${path}。インストールをやり直してください。話者なしで文字起こしを続けます。`,
      en: `The speaker model could not be loaded: ${path}. Reinstall it. The transcript is produced without speakers.`,
    },
    { cause },
  );
}
