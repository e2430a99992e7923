import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { GijirokuError } from '../common/errors';

export interface ModelHeader {
  multilingual: boolean;
  audioLayers: number;
  textLayers: number;
  audioState: number;
  /** tiny / base / small / medium / large / large-v3-turbo */
  family: string;
  mels: number;
}

const GGML_MAGIC = 0x67676d6c;

/**
 * Reads a whisper.cpp ggml model's header, so a wrong or damaged file is caught
 * before whisper-cli starts. The layout is whisper.cpp's whisper_model_load().
 */
export function readModelHeader(path: string): ModelHeader {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new GijirokuError('MODEL_NOT_FOUND', {
      ja: `モデルファイル「${path}」が見つかりません。--model でモデルファイルを指定してください。`,
      en: `The model file "${path}" does not exist. Give one with --model.`,
    });
  }
  const head = Buffer.alloc(48);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 48 || head.readUInt32LE(0) !== GGML_MAGIC) throw invalidModel(path);
  const [nVocab, nAudioCtx, nAudioState, , nAudioLayer, nTextCtx, , , nTextLayer, nMels] = Array.from({ length: 10 }, (_, i) =>
    head.readInt32LE(4 + i * 4),
  );
  if (!nVocab || nAudioCtx !== 1500 || nTextCtx !== 448 || !nAudioLayer || !nTextLayer || size < 1_000_000) {
    throw invalidModel(path);
  }
  return {
    multilingual: nVocab >= 51865,
    audioLayers: nAudioLayer,
    textLayers: nTextLayer,
    audioState: nAudioState ?? 0,
    family: familyOf(nAudioLayer, nTextLayer),
    mels: nMels ?? 80,
  };
}

/** Layer shapes of OpenAI's checkpoints, whose alignment heads whisper.cpp knows (`-dtw` presets). */
const DTW_SHAPES: Record<string, [number, number, number]> = {
  tiny: [4, 4, 384],
  base: [6, 6, 512],
  small: [12, 12, 768],
  medium: [24, 24, 1024],
  large: [32, 32, 1280],
  'large-v3-turbo': [32, 4, 1280],
};

/** whisper.cpp's DTW preset for a model of an OpenAI shape, or '' for any other (word times are then whisper's own). */
export function dtwPreset(h: ModelHeader): string {
  const shape = DTW_SHAPES[h.family];
  if (!shape || shape[0] !== h.audioLayers || shape[1] !== h.textLayers || shape[2] !== h.audioState) return '';
  if (h.family === 'large-v3-turbo') return 'large.v3.turbo';
  if (h.family === 'large') return h.mels === 128 ? 'large.v3' : 'large.v2';
  return h.multilingual ? h.family : `${h.family}.en`;
}

function familyOf(audioLayers: number, textLayers: number): string {
  if (audioLayers === 32 && textLayers === 4) return 'large-v3-turbo';
  return (
    ({ 4: 'tiny', 6: 'base', 12: 'small', 24: 'medium', 32: 'large' } as Record<number, string>)[audioLayers] ?? `${audioLayers}-layer`
  );
}

export function invalidModel(path: string): GijirokuError {
  return new GijirokuError('MODEL_INVALID', {
    ja: `「${path}」は whisper.cpp のモデル（ggml 形式）として読み込めません。ファイルが壊れているか、別の種類のファイルです。`,
    en: `"${path}" is not a usable whisper.cpp (ggml) model: the file is damaged or of another kind.`,
  });
}
