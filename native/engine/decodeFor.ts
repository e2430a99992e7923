import { availableParallelism } from 'node:os';
import { dtwPreset, readModelHeader } from '../models/readModelHeader';
import { DEFAULT_DECODE, type DecodeOptions } from '../whisper/decodeOptions';

/**
 * How a model decodes in this app: the defaults, DTW word times when whisper.cpp knows the model's
 * alignment heads, as many threads as the PC has (up to 8), and what the caller overrides.
 * The same for a file's job and a recording's live draft, so both give the same transcript.
 */
export function decodeFor(model: string, overrides: Partial<DecodeOptions> = {}): DecodeOptions {
  const decode: DecodeOptions = { ...DEFAULT_DECODE, dtw: dtwPreset(readModelHeader(model)), ...overrides };
  if (decode.threads <= 0) decode.threads = Math.max(1, Math.min(8, availableParallelism()));
  return decode;
}
