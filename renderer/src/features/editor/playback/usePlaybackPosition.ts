import { useEffect } from 'react';

const key = (meetingId: number) => `gijiroku.position.${meetingId}`;

export function savedPosition(meetingId: number): number {
  return Number(localStorage.getItem(key(meetingId)) ?? 0) || 0;
}

/** Remembers where the clerk was in the recording, so reopening the meeting resumes there. */
export function usePlaybackPosition(meetingId: number, audio: HTMLAudioElement | null): void {
  useEffect(() => {
    if (!audio) return;
    const save = () => localStorage.setItem(key(meetingId), String(audio.currentTime));
    const restore = () => {
      const at = savedPosition(meetingId);
      if (at > 0 && audio.currentTime === 0) audio.currentTime = at;
    };
    if (audio.readyState >= 1) restore(); else audio.addEventListener('loadedmetadata', restore, { once: true });
    audio.addEventListener('pause', save);
    audio.addEventListener('seeked', save);
    const timer = setInterval(() => { if (!audio.paused) save(); }, 5000);
    return () => {
      save();
      clearInterval(timer);
      audio.removeEventListener('loadedmetadata', restore);
      audio.removeEventListener('pause', save);
      audio.removeEventListener('seeked', save);
    };
  }, [meetingId, audio]);
}
