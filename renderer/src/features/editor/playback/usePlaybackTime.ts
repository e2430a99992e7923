import { useSyncExternalStore } from 'react';
import type { PlaybackClock } from './playbackClock';

/**
 * A value derived from the playhead; the component re-renders only when the value changes
 * (e.g. the index of the playing segment), not on every frame.
 */
export function usePlaybackDerived<T>(clock: PlaybackClock, derive: (time: number) => T): T {
  return useSyncExternalStore(clock.subscribe, () => derive(clock.getTime()));
}

export function useIsPlaying(clock: PlaybackClock): boolean {
  return useSyncExternalStore(clock.subscribe, clock.isPlaying);
}
