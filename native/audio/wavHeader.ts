import { closeSync, openSync, readSync } from 'node:fs';

export const SAMPLE_RATE = 16000;

/** A 44-byte header for 16 kHz mono 16-bit PCM, the input whisper-cli reads. */
export function wavHeader(dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/**
 * The duration a WAV file's header promises, or null when the file is no WAV.
 * ffmpeg estimates a cut-short WAV's duration from its size, so a recorder that
 * died mid-file is only visible here.
 */
export function declaredWavDuration(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') return null;
    let pos = 12;
    let byteRate = 0;
    while (pos + 8 <= n) {
      const id = head.toString('ascii', pos, pos + 4);
      const size = head.readUInt32LE(pos + 4);
      if (id === 'fmt ' && pos + 20 <= n) byteRate = head.readUInt32LE(pos + 16);
      if (id === 'data') {
        // 0 and 0xFFFFFFFF mean "unknown" (streamed recorders)
        if (byteRate === 0 || size === 0 || size === 0xffffffff) return null;
        return size / byteRate;
      }
      pos += 8 + size + (size % 2);
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
