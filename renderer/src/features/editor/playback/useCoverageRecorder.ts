import { useEffect, useRef } from 'react';
import type { Coverage } from '../../../../../native/common/api';
import { api } from '../../../api/api';

const SEND_EVERY_MS = 2000;
/** a larger step between two time updates is a seek, not listening */
const MAX_CONTINUOUS_STEP_S = 1.5;

/**
 * Sends the stretches of audio actually played (recordListened): every ~2 s while playing,
 * and at once on pause, seek or leaving the editor.
 */
export function useCoverageRecorder(meetingId: number, audio: HTMLAudioElement | null, onCoverage: (c: Coverage) => void): void {
  const onCoverageRef = useRef(onCoverage);
  onCoverageRef.current = onCoverage;
  useEffect(() => {
    if (!audio) return;
    let stretchStart: number | null = null;
    let lastTime = 0;

    const send = () => {
      if (stretchStart !== null && lastTime - stretchStart > 0.2) {
        api.recordListened(meetingId, stretchStart, lastTime).then(
          (c) => onCoverageRef.current(c),
          () => {
            /* retried with the next stretch */
          },
        );
        stretchStart = lastTime;
      }
    };
    const onTime = () => {
      const now = audio.currentTime;
      if (audio.paused) return;
      if (stretchStart === null || Math.abs(now - lastTime) > MAX_CONTINUOUS_STEP_S * Math.max(1, audio.playbackRate)) {
        send();
        stretchStart = now;
      }
      lastTime = now;
    };
    const onStop = () => {
      if (stretchStart !== null && Math.abs(audio.currentTime - lastTime) <= MAX_CONTINUOUS_STEP_S) lastTime = audio.currentTime;
      send();
      stretchStart = null;
    };
    const onSeeking = () => {
      send();
      stretchStart = null;
    };

    audio.addEventListener('timeupdate', onTime);
    audio.addEventListener('pause', onStop);
    audio.addEventListener('ended', onStop);
    audio.addEventListener('seeking', onSeeking);
    const timer = setInterval(send, SEND_EVERY_MS);
    return () => {
      onStop();
      clearInterval(timer);
      audio.removeEventListener('timeupdate', onTime);
      audio.removeEventListener('pause', onStop);
      audio.removeEventListener('ended', onStop);
      audio.removeEventListener('seeking', onSeeking);
    };
  }, [meetingId, audio]);
}
