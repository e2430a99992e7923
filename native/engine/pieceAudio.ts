import { closeSync, openSync, readSync } from 'node:fs';
import { wavHeader } from '../audio/wavHeader';
import { writeFileAtomic } from './jobFolder';
import type { Piece } from './planPieces';

/** Cuts a piece's spans out of the job's raw PCM and writes them as one WAV. */
export function writePieceWav(pcmPath: string, piece: Piece, wavPath: string): void {
  const data = Buffer.alloc(piece.length * 2);
  const fd = openSync(pcmPath, 'r');
  try {
    for (const span of piece.spans) {
      readSync(fd, data, span.at * 2, span.length * 2, span.from * 2);
    }
  } finally {
    closeSync(fd);
  }
  writeFileAtomic(wavPath, Buffer.concat([wavHeader(data.length), data]));
}
