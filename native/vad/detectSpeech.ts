import { existsSync } from 'node:fs';
import { GijirokuError } from '../common/errors';
import { SAMPLE_RATE } from '../audio/wavHeader';

/** A stretch of speech, in samples at 16 kHz. */
export interface SpeechRegion {
  start: number;
  end: number;
}

export interface VadSettings {
  threshold: number;
  minSilenceS: number;
  minSpeechS: number;
  maxSpeechS: number;
}

/**
 * Short pauses (0.3 s) end a region, so regions are phrases that pack tightly
 * into 30-second pieces; recesses are long silences and never reach whisper.
 */
export const DEFAULT_VAD: VadSettings = { threshold: 0.5, minSilenceS: 0.3, minSpeechS: 0.25, maxSpeechS: 20 };

const WINDOW = 512; // Silero v5/v6 at 16 kHz

/**
 * Streaming Silero VAD (through sherpa-onnx): feed PCM as it is decoded, collect
 * the speech regions. Holds at most one window of audio plus the current region.
 */
export class SpeechDetector {
  private readonly vad: import('sherpa-onnx-node').Vad;
  private pending = new Float32Array(WINDOW);
  private pendingLength = 0;
  private readonly regions: SpeechRegion[] = [];
  /** CPU time spent inside the VAD, seconds */
  busyS = 0;

  constructor(modelPath: string, settings: VadSettings = DEFAULT_VAD) {
    if (!existsSync(modelPath)) throw vadModelMissing(modelPath);
    const sherpa = require('sherpa-onnx-node') as typeof import('sherpa-onnx-node');
    try {
      this.vad = new sherpa.Vad(
        {
          sileroVad: {
            model: modelPath,
            threshold: settings.threshold,
            minSilenceDuration: settings.minSilenceS,
            minSpeechDuration: settings.minSpeechS,
            maxSpeechDuration: settings.maxSpeechS,
            windowSize: WINDOW,
          },
          sampleRate: SAMPLE_RATE,
          numThreads: 1,
          debug: false,
        },
        60,
      );
    } catch (e) {
      throw vadModelMissing(modelPath, e);
    }
  }

  /** Accepts s16le PCM (an even number of bytes). */
  acceptPcm16(chunk: Buffer): void {
    const t0 = performance.now();
    const n = chunk.length / 2;
    // copy into an aligned Int16Array: a Buffer from a pipe may start at an odd offset
    const samples = new Int16Array(n);
    Buffer.from(samples.buffer).set(chunk);
    let i = 0;
    while (i < n) {
      const take = Math.min(WINDOW - this.pendingLength, n - i);
      for (let k = 0; k < take; k++) this.pending[this.pendingLength + k] = (samples[i + k] ?? 0) / 32768;
      this.pendingLength += take;
      i += take;
      if (this.pendingLength === WINDOW) {
        this.vad.acceptWaveform(this.pending);
        this.pendingLength = 0;
        this.drain();
      }
    }
    this.busyS += (performance.now() - t0) / 1000;
  }

  /** the regions closed so far (a pause ended them); grows as audio is accepted */
  closedRegions(): readonly SpeechRegion[] {
    return this.regions;
  }

  finish(): SpeechRegion[] {
    const t0 = performance.now();
    if (this.pendingLength > 0) {
      this.vad.acceptWaveform(this.pending.subarray(0, this.pendingLength));
      this.pendingLength = 0;
    }
    this.vad.flush();
    this.drain();
    this.busyS += (performance.now() - t0) / 1000;
    return this.regions;
  }

  private drain(): void {
    while (!this.vad.isEmpty()) {
      const seg = this.vad.front(false);
      this.regions.push({ start: seg.start, end: seg.start + seg.samples.length });
      this.vad.pop();
    }
  }
}

/**
 * Several VADs over the same audio: speech is what any of them hears. The first model's regions
 * shape the pieces (closedRegions as the live draft goes, primary() at the end); finish() gives the
 * union, which the engine checks every piece against, so speech only another model heard is still decoded.
 */
export class SpeechDetectors {
  private readonly detectors: SpeechDetector[];

  constructor(modelPaths: string[], settings: VadSettings = DEFAULT_VAD) {
    this.detectors = modelPaths.map((p) => new SpeechDetector(p, settings));
  }

  get busyS(): number {
    return this.detectors.reduce((n, d) => n + d.busyS, 0);
  }

  acceptPcm16(chunk: Buffer): void {
    for (const d of this.detectors) d.acceptPcm16(chunk);
  }

  closedRegions(): readonly SpeechRegion[] {
    return this.detectors[0]?.closedRegions() ?? [];
  }

  finish(): SpeechRegion[] {
    return unionRegions(this.detectors.flatMap((d) => d.finish()));
  }

  /** the first model's regions (after finish) */
  primary(): SpeechRegion[] {
    return [...(this.detectors[0]?.closedRegions() ?? [])];
  }
}

/** Pure: regions merged where they overlap or touch, in time order. */
export function unionRegions(regions: SpeechRegion[]): SpeechRegion[] {
  const out: SpeechRegion[] = [];
  for (const r of [...regions].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function vadModelMissing(path: string, cause?: unknown): GijirokuError {
  return new GijirokuError(
    'VAD_MODEL_MISSING',
    {
      ja: `無音を判定するモデル（Silero VAD）を読み込めません：${path}。インストールをやり直すか、--no-vad を指定してください。`,
      en: `The voice-activity model (Silero VAD) could not be loaded: ${path}. Reinstall, or pass --no-vad.`,
    },
    { cause },
  );
}
