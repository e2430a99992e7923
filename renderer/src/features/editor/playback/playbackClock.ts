/**
 * The audio element's time, published every animation frame while playing (timeupdate
 * alone fires only ~4 times a second, too coarse for word highlighting). Components
 * subscribe and pick what they need, so playback never re-renders the whole editor.
 */
export class PlaybackClock {
  private audio: HTMLAudioElement | null = null;
  private readonly listeners = new Set<() => void>();
  private frame = 0;
  private time = 0;
  private playing = false;

  attach(audio: HTMLAudioElement | null): void {
    if (this.audio === audio) return;
    this.detach();
    this.audio = audio;
    if (!audio) return;
    for (const type of ['play', 'pause', 'seeked', 'timeupdate', 'ratechange', 'ended', 'loadedmetadata'] as const) {
      audio.addEventListener(type, this.onEvent);
    }
    this.onEvent();
  }

  getTime = (): number => this.time;
  isPlaying = (): boolean => this.playing;
  element(): HTMLAudioElement | null {
    return this.audio;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private detach(): void {
    cancelAnimationFrame(this.frame);
    if (!this.audio) return;
    for (const type of ['play', 'pause', 'seeked', 'timeupdate', 'ratechange', 'ended', 'loadedmetadata'] as const) {
      this.audio.removeEventListener(type, this.onEvent);
    }
  }

  private readonly onEvent = (): void => {
    const audio = this.audio;
    if (!audio) return;
    const wasPlaying = this.playing;
    this.playing = !audio.paused && !audio.ended;
    this.publish(audio.currentTime, wasPlaying !== this.playing);
    if (this.playing && !wasPlaying) this.frame = requestAnimationFrame(this.onFrame);
  };

  private readonly onFrame = (): void => {
    if (!this.audio || !this.playing) return;
    this.publish(this.audio.currentTime);
    this.frame = requestAnimationFrame(this.onFrame);
  };

  private publish(time: number, force = false): void {
    if (time === this.time && !force) return;
    this.time = time;
    for (const l of this.listeners) l();
  }
}
