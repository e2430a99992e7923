import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The job's raw 16 kHz mono s16le PCM, read a stretch at a time: a 4-hour
 * meeting (0.9 GB as float32) is never held in memory.
 */
export class PcmFile {
  private readonly fd: number;
  readonly samples: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.samples = Math.floor(fstatSync(this.fd).size / 2);
  }

  /** Samples [from, from + length) as floats in [-1, 1); clipped to the file. */
  read(from: number, length: number): Float32Array {
    const start = Math.max(0, Math.min(this.samples, from));
    const n = Math.max(0, Math.min(this.samples - start, length));
    const buf = Buffer.alloc(n * 2);
    readSync(this.fd, buf, 0, buf.length, start * 2);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(i * 2) / 32768;
    return out;
  }

  close(): void {
    closeSync(this.fd);
  }
}
