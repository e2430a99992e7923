// AudioWorklet: the microphone as 16-bit PCM at the context's rate (16 kHz: the
// AudioContext resamples), posted every 100 ms with the block's peak level.
// Plain JS in public/: an AudioWorklet module is loaded by URL, from the app's own origin.
const FRAMES = 1600;

class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.buffer = new Int16Array(FRAMES);
    this.length = 0;
    this.peak = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    const first = channels && channels[0];
    if (!first) return true;
    for (let i = 0; i < first.length; i++) {
      // mix to mono
      let v = 0;
      for (let c = 0; c < channels.length; c++) v += channels[c][i];
      v /= channels.length;
      const a = Math.abs(v);
      if (a > this.peak) this.peak = a;
      const clipped = Math.max(-1, Math.min(1, v));
      this.buffer[this.length++] = clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff;
      if (this.length === FRAMES) {
        this.port.postMessage({ pcm: this.buffer, peak: this.peak }, [this.buffer.buffer]);
        this.buffer = new Int16Array(FRAMES);
        this.length = 0;
        this.peak = 0;
      }
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCapture);
