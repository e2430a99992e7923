import { useEffect, useState } from 'react';
import { api } from '../../../api/api';

/**
 * Remembers where the clerk was in the recording (in the database, per user and meeting), so
 * reopening the meeting resumes there. Returns the position found at opening, null until read.
 */
export function usePlaybackPosition(meetingId: number, audio: HTMLAudioElement | null, reportError: (e: unknown) => void): number | null {
  const [opened, setOpened] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    api.getPlaybackPosition(meetingId).then(
      (seconds) => {
        if (live) setOpened(seconds);
      },
      (e: unknown) => {
        if (live) setOpened(0);
        reportError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [meetingId, reportError]);

  useEffect(() => {
    if (!audio || opened === null) return;
    let stored = opened;
    const save = () => {
      const at = audio.currentTime;
      // a pause right after a seek, or a paused player's timer: nothing new to store
      if (Math.abs(at - stored) < 0.5) return;
      stored = at;
      api.savePlaybackPosition(meetingId, at).catch(reportError);
    };
    const restore = () => {
      if (opened > 0 && audio.currentTime === 0) audio.currentTime = opened;
    };
    if (audio.readyState >= 1) restore();
    else audio.addEventListener('loadedmetadata', restore, { once: true });
    audio.addEventListener('pause', save);
    audio.addEventListener('seeked', save);
    const timer = setInterval(() => {
      if (!audio.paused) save();
    }, 5000);
    return () => {
      save();
      clearInterval(timer);
      audio.removeEventListener('loadedmetadata', restore);
      audio.removeEventListener('pause', save);
      audio.removeEventListener('seeked', save);
    };
  }, [meetingId, audio, opened, reportError]);
  return opened;
}
