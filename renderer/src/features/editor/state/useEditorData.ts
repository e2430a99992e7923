import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Coverage, EditResult, Meeting, TranscriptView } from '../../../../../native/common/api';
import { api } from '../../../api/api';
import { useNotices } from '../../../components/Notices';
import { applyEditResult } from './applyEditResult';
import { EditSession } from './editSession';

export interface EditorData {
  meeting: Meeting | null;
  view: TranscriptView | null;
  coverage: Coverage;
  setCoverage(c: Coverage): void;
  mediaSrc: string | null;
  session: EditSession;
  reloadMeeting(): void;
  /** the transcript again from the service (after a change made outside the edit session) */
  reloadView(): void;
}

/** Loads one meeting's transcript, coverage and media URL, and owns its edit session. */
export function useEditorData(meetingId: number): EditorData {
  const { reportError } = useNotices();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [view, setView] = useState<TranscriptView | null>(null);
  const [coverage, setCoverage] = useState<Coverage>([]);
  const [mediaSrc, setMediaSrc] = useState<string | null>(null);
  const reportRef = useRef(reportError);
  reportRef.current = reportError;

  const session = useMemo(
    () =>
      new EditSession(
        api,
        meetingId,
        (result: EditResult) => setView((v) => (v ? applyEditResult(v, result) : v)),
        (e) => reportRef.current(e),
      ),
    [meetingId],
  );

  const reloadMeeting = useCallback(() => {
    api.getMeeting(meetingId).then(setMeeting, reportRef.current);
    api.mediaUrl(meetingId).then(setMediaSrc, () => setMediaSrc(null));
  }, [meetingId]);

  useEffect(() => {
    let live = true;
    setView(null);
    Promise.all([api.getTranscript(meetingId), api.getCoverage(meetingId)]).then(
      ([transcript, listened]) => {
        if (!live) return;
        setView(transcript);
        setCoverage(listened);
      },
      (e: unknown) => reportRef.current(e),
    );
    reloadMeeting();
    return () => {
      live = false;
    };
  }, [meetingId, reloadMeeting]);

  // Typing must survive closing the window or switching away: flush whatever waits.
  useEffect(() => {
    const flush = () => {
      void session.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session]);

  const reloadView = useCallback(() => {
    api.getTranscript(meetingId).then(setView, reportRef.current);
  }, [meetingId]);

  return { meeting, view, coverage, setCoverage, mediaSrc, session, reloadMeeting, reloadView };
}
