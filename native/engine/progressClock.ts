import type { EngineProgress } from '../common/transcript';

/** Share of the whole job that decoding and VAD take; the rest is recognition. */
const DECODE_SHARE = 0.05;
/** Share that speaker segmentation takes when asked for (≈0.05× audio time against whisper's ≈0.1×). */
const SPEAKERS_SHARE = 0.25;
/** Before the first piece is done, ETA assumes this real-time factor. */
const GUESSED_RTF = 0.1;

/** Turns stage progress into one 0..1 figure with an ETA, throttled to a few reports a second. */
export class ProgressClock {
  private asrStart = 0;
  private speechS = 0;
  private last = 0;
  private speakersStart = 0;
  private readonly asrEnd: number;

  constructor(
    private readonly report?: (p: EngineProgress) => void,
    withSpeakers = false,
  ) {
    this.asrEnd = withSpeakers ? 1 - SPEAKERS_SHARE : 1;
  }

  decoding(fraction: number): void {
    this.emit({ stage: 'decode', progress: fraction * DECODE_SHARE, eta_s: null });
  }

  startAsr(speechS: number): void {
    this.asrStart = performance.now();
    this.speechS = speechS;
    this.emit({ stage: 'asr', progress: DECODE_SHARE, eta_s: round(speechS * GUESSED_RTF) }, true);
  }

  asr(doneS: number): void {
    const fraction = this.speechS > 0 ? Math.min(1, doneS / this.speechS) : 1;
    const elapsed = (performance.now() - this.asrStart) / 1000;
    const eta = fraction > 0.02 ? (elapsed / fraction) * (1 - fraction) : (this.speechS - doneS) * GUESSED_RTF;
    this.emit({ stage: 'asr', progress: DECODE_SHARE + fraction * (this.asrEnd - DECODE_SHARE), eta_s: round(eta) });
  }

  speakers(fraction: number): void {
    if (fraction === 0 || this.speakersStart === 0) this.speakersStart = performance.now();
    const elapsed = (performance.now() - this.speakersStart) / 1000;
    const eta = fraction > 0.02 ? (elapsed / fraction) * (1 - fraction) : null;
    this.emit(
      { stage: 'speakers', progress: this.asrEnd + fraction * (1 - this.asrEnd), eta_s: eta === null ? null : round(eta) },
      fraction === 0,
    );
  }

  done(): void {
    this.emit({ stage: 'done', progress: 1, eta_s: 0 }, true);
  }

  private emit(p: EngineProgress, force = false): void {
    const now = performance.now();
    if (!this.report || (!force && now - this.last < 250)) return;
    this.last = now;
    this.report({ ...p, progress: Math.round(p.progress * 1000) / 1000 });
  }
}

function round(x: number): number {
  return Math.max(0, Math.round(x));
}
