import { useCallback, useEffect, useState } from 'react';
import type { RosterRow, SpeakerLabelRow } from '../../../../../native/common/speakers';
import { api } from '../../../api/api';
import { useNotices } from '../../../components/Notices';

export interface SpeakerLabels {
  roster: RosterRow[];
  labels: SpeakerLabelRow[];
  suggest(): void;
  pick(speakerId: number, rosterId: number | null): void;
  confirm(): void;
}

/** The meeting's roster and who each speaker is; every change reloads the transcript (it renames speakers). */
export function useSpeakerLabels(meetingId: number, beforeChange: () => Promise<void>, onChanged: () => void): SpeakerLabels {
  const { reportError, inform } = useNotices();
  const [roster, setRoster] = useState<RosterRow[]>([]);
  const [labels, setLabels] = useState<SpeakerLabelRow[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all([api.getRoster(meetingId), api.listSpeakerLabels(meetingId)]).then(([r, l]) => {
      if (live) { setRoster(r); setLabels(l); }
    }, reportError);
    return () => { live = false; };
  }, [meetingId, reportError]);
  const change = useCallback((call: () => Promise<SpeakerLabelRow[]>) => {
    void beforeChange().then(call).then((l) => { setLabels(l); onChanged(); }, reportError);
  }, [beforeChange, onChanged, reportError]);
  return {
    roster,
    labels,
    suggest: () => change(() => api.suggestSpeakerLabels(meetingId)),
    pick: (speakerId, rosterId) => change(() => api.setSpeakerMember(meetingId, speakerId, rosterId)),
    confirm: () => {
      api.confirmSpeakers(meetingId).then(({ stored }) => inform({
        ja: `${stored}人の声を記憶しました`, en: `Remembered ${stored} voice${stored === 1 ? '' : 's'}`,
      }), reportError);
    },
  };
}
