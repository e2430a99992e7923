// Test support: CAM++ voice embeddings of reference turns, standing in for diarization's
// per-cluster embeddings (native/diarize) until it lands. Audio through the real ffmpeg.
import { join } from 'node:path';
import type { SpeakerTurn } from '../../native/common/speakers';
import { decodeToPcm } from '../../native/audio/decodeToPcm';
import { assetOrSkip, SHARED } from '../helpers/fixtures';

export const NO_EMBEDDING_MODEL =
  'skipped: speaker-embedding-3dspeaker-campplus-zh-en-advanced.onnx not found in ../shared/models and GIJIROKU_SPEAKER_EMBEDDING is not set';

export function embeddingModel(): string | null {
  return assetOrSkip(
    process.env['GIJIROKU_SPEAKER_EMBEDDING'] ?? join(SHARED, 'models', 'speaker-embedding-3dspeaker-campplus-zh-en-advanced.onnx'),
    NO_EMBEDDING_MODEL,
  );
}

export async function decodeFloat(path: string): Promise<Float32Array> {
  const chunks: Buffer[] = [];
  await decodeToPcm(path, {
    onPcm: (c) => {
      chunks.push(c);
    },
  });
  const pcm = Buffer.concat(chunks);
  const out = new Float32Array(pcm.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = pcm.readInt16LE(i * 2) / 32768;
  return out;
}

interface Extractor {
  dim: number;
  createStream(): { acceptWaveform(w: { samples: Float32Array; sampleRate: number }): void; inputFinished(): void };
  isReady(s: unknown): boolean;
  compute(s: unknown, enableExternalBuffer?: boolean): Float32Array;
}

/** One L2-normalised embedding per speaker: the mean of its turns' embeddings, as a diarizer gives per cluster. */
export async function speakerEmbeddings(audio: string, turns: SpeakerTurn[], model: string): Promise<Map<string, number[]>> {
  const sherpa = require('sherpa-onnx-node') as { SpeakerEmbeddingExtractor: new (c: object) => Extractor };
  const extractor = new sherpa.SpeakerEmbeddingExtractor({ model, numThreads: 1, debug: false });
  const samples = await decodeFloat(audio);
  const sums = new Map<string, number[]>();
  for (const t of turns) {
    const stream = extractor.createStream();
    stream.acceptWaveform({ samples: samples.subarray(Math.floor(t.start * 16000), Math.floor(t.end * 16000)), sampleRate: 16000 });
    stream.inputFinished();
    if (!extractor.isReady(stream)) continue;
    const e = normalise(Array.from(extractor.compute(stream, false)));
    const sum = sums.get(t.speaker) ?? new Array<number>(e.length).fill(0);
    for (let i = 0; i < e.length; i++) sum[i]! += e[i]!;
    sums.set(t.speaker, sum);
  }
  return new Map([...sums].map(([k, v]) => [k, normalise(v)]));
}

function normalise(v: number[]): number[] {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}
