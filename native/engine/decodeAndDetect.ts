import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { decodeToPcm } from '../audio/decodeToPcm';
import { SAMPLE_RATE } from '../audio/wavHeader';
import { diskFullError, isDiskFull } from '../common/errors';
import type { TruncationInfo } from '../common/transcript';
import { SpeechDetectors, type SpeechRegion } from '../vad/detectSpeech';

export interface DecodedAudio {
  samples: number;
  truncated: TruncationInfo | null;
  /** the first VAD's regions, which shape the pieces; null when VAD was off */
  regions: SpeechRegion[] | null;
  /** what any VAD heard: every stretch of it must end with text or as unheard; null when VAD was off */
  speech: SpeechRegion[] | null;
  decodeS: number;
  vadS: number;
}

/**
 * Stage 1: decode the input once, streaming, into the job's raw PCM file while
 * the VAD listens to the same stream.
 */
export async function decodeAndDetect(
  input: string,
  pcmPath: string,
  opts: {
    /** the VADs to listen with (their union is speech); none: no VAD */
    vadModels: string[];
    signal?: AbortSignal;
    /** decoding progress, 0..1, when the container declares its duration */
    onFraction?: (fraction: number) => void;
  },
): Promise<DecodedAudio> {
  const t0 = performance.now();
  const detector = opts.vadModels.length > 0 ? new SpeechDetectors(opts.vadModels) : null;
  const out = createWriteStream(pcmPath);
  let writeError: unknown = null;
  out.on('error', (e) => {
    writeError = e;
  });
  let samples = 0;
  let declaredSamples = 0;
  const fail = (e: unknown): never => {
    if (isDiskFull(e)) throw diskFullError(pcmPath, e);
    throw e;
  };
  try {
    const result = await decodeToPcm(input, {
      signal: opts.signal,
      onDeclaredDuration: (s) => {
        declaredSamples = s * SAMPLE_RATE;
      },
      onPcm: async (chunk) => {
        if (writeError) fail(writeError);
        detector?.acceptPcm16(chunk);
        samples += chunk.length / 2;
        if (declaredSamples > 0) opts.onFraction?.(Math.min(1, samples / declaredSamples));
        if (!out.write(chunk)) await once(out, 'drain'); // rejects on 'error' (ENOSPC), and removes its listeners
      },
    });
    out.end();
    await once(out, 'close');
    if (writeError) fail(writeError);
    if (statSync(pcmPath).size !== result.samples * 2) fail(new Error('short write'));
    const speech = detector ? detector.finish() : null;
    const regions = detector ? detector.primary() : null;
    const vadS = detector?.busyS ?? 0;
    return {
      samples: result.samples,
      truncated: result.truncated,
      regions,
      speech,
      decodeS: (performance.now() - t0) / 1000 - vadS,
      vadS,
    };
  } catch (e) {
    out.destroy();
    // a write error can also surface through the awaited 'drain' or 'close' (events.once rejects on 'error')
    throw isDiskFull(e) ? diskFullError(pcmPath, e) : e;
  }
}
