import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StoredCorrection } from '../../../../../native/common/api';
import { api } from '../../../api/api';
import { useNotices } from '../../../components/Notices';

export interface Corrections {
  bySegment: ReadonlyMap<number, StoredCorrection[]>;
  dismiss(correctionId: number): void;
}

/** The meeting's stored term corrections, by segment id. */
export function useCorrections(meetingId: number): Corrections {
  const { reportError } = useNotices();
  const [list, setList] = useState<StoredCorrection[]>([]);
  useEffect(() => {
    let live = true;
    api.listCorrections(meetingId).then((l) => {
      if (live) setList(l);
    }, reportError);
    return () => {
      live = false;
    };
  }, [meetingId, reportError]);
  const bySegment = useMemo(() => {
    const m = new Map<number, StoredCorrection[]>();
    for (const c of list) m.set(c.segmentId, [...(m.get(c.segmentId) ?? []), c]);
    return m;
  }, [list]);
  const dismiss = useCallback(
    (id: number) => {
      api.dismissCorrection(meetingId, id).then(setList, reportError);
    },
    [meetingId, reportError],
  );
  return { bySegment, dismiss };
}
