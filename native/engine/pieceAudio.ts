import { closeSync, openSync, readSync } from 'node:fs';
import { wavHeader } from '../audio/wavHeader';
import { writeFileAtomic } from '../files/writeFileAtomic';
import type { Piece } from './planPieces';

/** Cuts a piece's spans out of the job's raw PCM (after `offset` header bytes: 44 for a recording's WAV) and writes them as one WAV. */
export function writePieceWav(pcmPath: string, piece: Piece, wavPath: string, offset = 0): void {
  const data = Buffer.alloc(piece.length * 2);
  const fd = openSync(pcmPath, 'r');
  try {
    for (const span of piece.spans) {
      readSync(fd, data, span.at * 2, span.length * 2, offset + span.from * 2);
    }
  } finally {
    closeSync(fd);
  }
  writeFileAtomic(wavPath, Buffer.concat([wavHeader(data.length), data]));
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
