import { closeSync, openSync, readSync } from 'node:fs';
import { pcmDataOffset } from './pcmFile';
import { DEFAULT_VAD, SpeechDetector, type SpeechRegion, type VadSettings } from '../vad/detectSpeech';

const CHUNK_BYTES = 1 << 20;

/** Silero VAD over a raw PCM file, streamed in 1 MB chunks. Regions in samples. */
export function speechRegionsFromPcm(pcmPath: string, vadModel: string, settings: VadSettings = DEFAULT_VAD): SpeechRegion[] {
  const detector = new SpeechDetector(vadModel, settings);
  const fd = openSync(pcmPath, 'r');
  try {
    const buf = Buffer.alloc(CHUNK_BYTES);
    for (let at = pcmDataOffset(fd); ; at += CHUNK_BYTES) {
      const n = readSync(fd, buf, 0, CHUNK_BYTES, at);
      if (n <= 0) break;
      detector.acceptPcm16(buf.subarray(0, n - (n % 2)));
    }
  } finally {
    closeSync(fd);
  }
  return detector.finish();
}
