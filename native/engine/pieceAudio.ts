import { closeSync, openSync, readSync } from 'node:fs';
import { wavHeader } from '../audio/wavHeader';
import { writeFileAtomic } from '../files/writeFileAtomic';
import type { Piece } from './planPieces';

/**
 * Cuts a piece's spans out of the job's raw PCM (after `offset` header bytes: 44 for a recording's WAV)
 * and writes them as one WAV; with `level`, each span is raised towards the same loudness.
 */
export function writePieceWav(pcmPath: string, piece: Piece, wavPath: string, offset = 0, level = false): void {
  const data = Buffer.alloc(piece.length * 2);
  const fd = openSync(pcmPath, 'r');
  try {
    for (const span of piece.spans) {
      readSync(fd, data, span.at * 2, span.length * 2, offset + span.from * 2);
      if (level) levelSpan(data, span.at, span.length);
    }
  } finally {
    closeSync(fd);
  }
  writeFileAtomic(wavPath, Buffer.concat([wavHeader(data.length), data]));
}

/** a quiet span is raised towards this RMS (dBFS) … */
const LEVEL_TARGET_DB = -22;
/** … by at most this much, and never past this peak */
const LEVEL_MAX_GAIN_DB = 18;
const LEVEL_PEAK = 0.9;

/**
 * A speaker on a far or quiet microphone beside a loud one: whisper sees the quiet one near the floor
 * of the window's log-mel range. Raises a span's samples in place (never lowers them).
 */
export function levelSpan(data: Buffer, at: number, length: number): void {
  let sum = 0;
  let peak = 0;
  for (let i = 0; i < length; i++) {
    const v = data.readInt16LE((at + i) * 2) / 32768;
    sum += v * v;
    peak = Math.max(peak, Math.abs(v));
  }
  const rms = Math.sqrt(sum / Math.max(1, length));
  if (rms === 0) return;
  const gain = Math.min(10 ** ((LEVEL_TARGET_DB - 20 * Math.log10(rms)) / 20), 10 ** (LEVEL_MAX_GAIN_DB / 20), LEVEL_PEAK / Math.max(peak, 1e-9));
  if (gain <= 1) return;
  for (let i = 0; i < length; i++) {
    const p = (at + i) * 2;
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(data.readInt16LE(p) * gain))), p);
  }
}

/** Loudness of a piece in dBFS (RMS), read from the job's raw PCM. */
export function pieceLevelDb(pcmPath: string, piece: Piece): number {
  const fd = openSync(pcmPath, 'r');
  let sum = 0;
  let n = 0;
  try {
    for (const span of piece.spans) {
      const buf = Buffer.alloc(span.length * 2);
      readSync(fd, buf, 0, buf.length, span.from * 2);
      for (let i = 0; i + 1 < buf.length; i += 2) {
        const v = buf.readInt16LE(i) / 32768;
        sum += v * v;
      }
      n += span.length;
    }
  } finally {
    closeSync(fd);
  }
  return n === 0 ? -Infinity : 10 * Math.log10(sum / n + 1e-12);
}
