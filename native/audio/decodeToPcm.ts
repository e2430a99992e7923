import { spawn } from 'node:child_process';
import { roundToMs } from '../common/roundToMs';
import { GijirokuError } from '../common/errors';
import type { TruncationInfo } from '../common/transcript';
import { ffmpegFailure, parseFfmpegStderr } from './ffmpegDiagnostics';
import { decoderCommand, findDecoder, type Decoder } from './findDecoder';
import { refuseIndirection } from './ffmpegInput';
import { inspectInput } from './inspectInput';
import { declaredWavDuration, SAMPLE_RATE } from './wavHeader';

export interface DecodeResult {
  samples: number;
  duration: number;
  truncated: TruncationInfo | null;
}

export interface DecodeOptions {
  /** receives 16 kHz mono s16le PCM as it is decoded; awaiting it applies back-pressure */
  onPcm: (chunk: Buffer) => Promise<void> | void;
  signal?: AbortSignal;
  /** left out: findDecoder() */
  decoder?: Decoder;
  /** the duration the container declares, as soon as ffmpeg has read the header */
  onDeclaredDuration?: (seconds: number) => void;
}

/** Shorter than this much of what the header promises counts as cut short. */
const TRUNCATION_TOLERANCE_S = 1.0;
const STDERR_KEEP = 256 * 1024;

/**
 * Decodes any audio or video file to 16 kHz mono PCM, streamed: a 4-hour
 * meeting is never held in memory.
 */
export async function decodeToPcm(path: string, opts: DecodeOptions): Promise<DecodeResult> {
  inspectInput(path);
  refuseIndirection(path);
  const run = decoderCommand(opts.decoder ?? findDecoder(), 'decode', path);
  const child = spawn(run.command, run.args, { env: run.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const onAbort = (): void => {
    child.kill('SIGKILL');
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  let announced = false;
  child.stderr.on('data', (s: string) => {
    if (stderr.length < STDERR_KEEP) stderr += s;
    if (!announced && opts.onDeclaredDuration) {
      const d = parseFfmpegStderr(stderr).declaredDuration;
      if (d !== null) {
        announced = true;
        opts.onDeclaredDuration(d);
      }
    }
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });

  let bytes = 0;
  let carry: Buffer | null = null; // an odd byte split across chunks
  try {
    for await (const raw of child.stdout as AsyncIterable<Buffer>) {
      let chunk: Buffer = carry ? Buffer.concat([carry, raw]) : raw;
      carry = null;
      if (chunk.length % 2 === 1) {
        carry = chunk.subarray(chunk.length - 1);
        chunk = chunk.subarray(0, chunk.length - 1);
      }
      bytes += chunk.length;
      await opts.onPcm(chunk);
    }
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  const code = await exited;
  if (opts.signal?.aborted) throw cancelled();

  const samples = bytes / 2;
  const report = parseFfmpegStderr(stderr);
  if (samples === 0) {
    if (code === 0 && report.hasAudioStream) return { samples: 0, duration: 0, truncated: null };
    throw ffmpegFailure(path, stderr);
  }
  const duration = samples / SAMPLE_RATE;
  const declared = declaredWavDuration(path) ?? report.declaredDuration;
  const truncated =
    declared !== null && duration < declared - TRUNCATION_TOLERANCE_S
      ? { expected_duration: roundToMs(declared), decoded_duration: roundToMs(duration) }
      : null;
  return { samples, duration, truncated };
}

export function cancelled(): GijirokuError {
  return new GijirokuError('CANCELLED', { ja: '中止しました。', en: 'Cancelled.' });
}
