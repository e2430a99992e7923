import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting, MeetingInput, RecordingStatus } from '../../../../native/common/api';
import { api } from '../../api/api';
import { useInterval } from '../../hooks/useInterval';
import { openMic, pcmToBase64, type MicCapture } from './micCapture';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping';

/** audio goes to disk at least this often */
const SEND_EVERY_MS = 1000;
const RETRY_MS = 1000;

/**
 * Recording from the page: 100 ms blocks from the microphone are gathered and
 * sent every second (appendRecording writes and fsyncs them). Chunks go one at
 * a time and in order; a failed send is retried, and only unsent audio waits here.
 */
export function useRecorder(reportError: (e: unknown) => void) {
  const [phase, setPhase] = useState<RecorderPhase>('idle');
  const [level, setLevel] = useState(0);
  const [savedS, setSavedS] = useState(0);
  const [status, setStatus] = useState<RecordingStatus | null>(null);
  const mic = useRef<MicCapture | null>(null);
  const recordingId = useRef<number | null>(null);
  const paused = useRef(false);
  const blocks = useRef<Int16Array[]>([]);
  const outbox = useRef<string[]>([]);
  const sending = useRef<Promise<void> | null>(null);

  const pump = useCallback((): Promise<void> => {
    if (sending.current) return sending.current;
    const run = async () => {
      let warned = false;
      while (outbox.current.length > 0 && recordingId.current !== null) {
        try {
          const r = await api.appendRecording(recordingId.current, outbox.current[0]!);
          outbox.current.shift();
          setSavedS(r.durationS);
        } catch (e) {
          if (!warned) reportError(e);
          warned = true;
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    };
    sending.current = run().finally(() => {
      sending.current = null;
    });
    return sending.current;
  }, [reportError]);

  const flush = useCallback(() => {
    if (blocks.current.length === 0) return;
    outbox.current.push(pcmToBase64(blocks.current));
    blocks.current = [];
    void pump();
  }, [pump]);

  useInterval(flush, phase === 'recording' ? SEND_EVERY_MS : null);
  useInterval(
    () => {
      if (recordingId.current !== null) api.getRecording(recordingId.current).then(setStatus, () => {});
    },
    phase === 'recording' || phase === 'paused' ? 2000 : null,
  );

  const start = async (meeting: MeetingInput, modelPath: string, deviceId: string) => {
    setPhase('starting');
    try {
      const capture = await openMic(deviceId, (b) => {
        setLevel(b.peak);
        if (!paused.current && recordingId.current !== null) blocks.current.push(b.pcm);
      });
      try {
        const s = await api.startRecording(meeting, modelPath);
        recordingId.current = s.recordingId;
        setStatus(s);
        setSavedS(0);
      } catch (e) {
        await capture.close();
        throw e;
      }
      mic.current = capture;
      paused.current = false;
      setPhase('recording');
    } catch (e) {
      setPhase('idle');
      reportError(e);
    }
  };

  const pause = () => {
    paused.current = true;
    flush();
    setPhase('paused');
  };
  const resume = () => {
    paused.current = false;
    setPhase('recording');
  };

  const stop = async (): Promise<Meeting | null> => {
    const id = recordingId.current;
    if (id === null) return null;
    setPhase('stopping');
    paused.current = true;
    await mic.current?.close();
    mic.current = null;
    flush();
    await pump();
    try {
      const meeting = await api.stopRecording(id);
      recordingId.current = null;
      setPhase('idle');
      return meeting;
    } catch (e) {
      reportError(e);
      setPhase('paused');
      return null;
    }
  };

  // leaving the screen mid-recording keeps what was sent; the file is recovered at the next start
  useEffect(
    () => () => {
      void mic.current?.close();
    },
    [],
  );

  return { phase, level, savedS, status, start, pause, resume, stop };
}
