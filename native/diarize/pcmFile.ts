import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Where the samples start: 0 for a job's raw s16le, 44 for a recording's WAV (our recorder writes
 * 16 kHz mono s16 with the canonical 44-byte header).
 */
export function pcmDataOffset(fd: number): number {
  const head = Buffer.alloc(12);
  const n = readSync(fd, head, 0, 12, 0);
  return n === 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE' ? 44 : 0;
}

/**
 * The job's raw 16 kHz mono s16le PCM, read a stretch at a time: a 4-hour
 * meeting (0.9 GB as float32) is never held in memory.
 */
export class PcmFile {
  private readonly fd: number;
  private readonly offset: number;
  readonly samples: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.offset = pcmDataOffset(this.fd);
    this.samples = Math.floor((fstatSync(this.fd).size - this.offset) / 2);
  }

  /** Samples [from, from + length) as floats in [-1, 1); clipped to the file. */
  read(from: number, length: number): Float32Array {
    const start = Math.max(0, Math.min(this.samples, from));
    const n = Math.max(0, Math.min(this.samples - start, length));
    const buf = Buffer.alloc(n * 2);
    readSync(this.fd, buf, 0, buf.length, this.offset + start * 2);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(i * 2) / 32768;
    return out;
  }

  close(): void {
    closeSync(this.fd);
  }
}
