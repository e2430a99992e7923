// A recording on disk: a 16 kHz mono 16-bit WAV whose header says "empty"
// until the recording stops. Every append is written and fsync'd before the
// call returns, so a crash or power cut loses at most the chunk in flight;
// the header is fixed on stop, or by repairRecordingWav at the next start.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { SAMPLE_RATE, wavHeader } from '../audio/wavHeader';
import { diskFullError, isDiskFull } from '../common/errors';

export const WAV_HEADER_BYTES = 44;

export class RecordingFile {
  private fd: number | null;
  private dataBytes: number;

  private constructor(
    readonly path: string,
    fd: number,
    dataBytes: number,
  ) {
    this.fd = fd;
    this.dataBytes = dataBytes;
  }

  /** a new file; refuses to overwrite one */
  static create(path: string): RecordingFile {
    const fd = openSync(path, 'wx');
    writeSync(fd, wavHeader(0), 0, WAV_HEADER_BYTES, 0);
    fsyncSync(fd);
    return new RecordingFile(path, fd, 0);
  }

  get samples(): number {
    return this.dataBytes / 2;
  }

  get durationS(): number {
    return this.samples / SAMPLE_RATE;
  }

  /** s16le PCM, an even number of bytes; durable when this returns */
  append(pcm: Buffer): void {
    if (this.fd === null) throw new Error('recording file closed');
    try {
      let done = 0;
      while (done < pcm.length) {
        done += writeSync(this.fd, pcm, done, pcm.length - done, WAV_HEADER_BYTES + this.dataBytes + done);
      }
      fsyncSync(this.fd);
    } catch (e) {
      throw isDiskFull(e) ? diskFullError(this.path, e) : e;
    }
    this.dataBytes += pcm.length;
  }

  /** writes the real sizes into the header and closes the file */
  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      writeSync(fd, wavHeader(this.dataBytes), 0, WAV_HEADER_BYTES, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * A recording cut short by a crash: drops a half-written sample, writes the
 * header for what is there, and returns the number of samples kept.
 */
export function repairRecordingWav(path: string): number {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const dataBytes = Math.max(0, size - WAV_HEADER_BYTES) & ~1;
    if (size < WAV_HEADER_BYTES || WAV_HEADER_BYTES + dataBytes !== size) ftruncateSync(fd, WAV_HEADER_BYTES + dataBytes);
    writeSync(fd, wavHeader(dataBytes), 0, WAV_HEADER_BYTES, 0);
    fsyncSync(fd);
    return dataBytes / 2;
  } finally {
    closeSync(fd);
  }
}
