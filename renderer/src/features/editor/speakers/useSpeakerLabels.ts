import { useCallback, useEffect, useState } from 'react';
import type { RosterRow, SpeakerLabelRow } from '../../../../../native/common/speakers';
import { api, type ChosenFile } from '../../../api/api';
import { toApiError } from '../../../api/apiError';
import type { LocalizedText } from '../../../../../native/common/errors';
import { useNotices } from '../../../components/Notices';

export interface SpeakerLabels {
  roster: RosterRow[];
  labels: SpeakerLabelRow[];
  suggest(): void;
  pick(speakerId: number, rosterId: number | null): void;
  confirm(): void;
  /** a roster file chosen by the clerk; a bad file's lines are kept in `importError` */
  importRoster(file: ChosenFile): void;
  importError: LocalizedText | null;
}

/** The meeting's roster and who each speaker is; every change reloads the transcript (it renames speakers). */
export function useSpeakerLabels(meetingId: number, beforeChange: () => Promise<void>, onChanged: () => void): SpeakerLabels {
  const { reportError, inform } = useNotices();
  const [roster, setRoster] = useState<RosterRow[]>([]);
  const [labels, setLabels] = useState<SpeakerLabelRow[]>([]);
  const [importError, setImportError] = useState<LocalizedText | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.getRoster(meetingId), api.listSpeakerLabels(meetingId)]).then(([r, l]) => {
      if (live) {
        setRoster(r);
        setLabels(l);
      }
    }, reportError);
    return () => {
      live = false;
    };
  }, [meetingId, reportError]);
  const change = useCallback(
    (call: () => Promise<SpeakerLabelRow[]>) => {
      void beforeChange()
        .then(call)
        .then((l) => {
          setLabels(l);
          onChanged();
        }, reportError);
    },
    [beforeChange, onChanged, reportError],
  );
  return {
    roster,
    labels,
    importError,
    importRoster: (file) => {
      setImportError(null);
      file
        .toRef(() => {})
        .then((ref) => api.importRoster(meetingId, ref))
        .then(setRoster, (e: unknown) => setImportError(toApiError(e).text));
    },
    suggest: () => change(() => api.suggestSpeakerLabels(meetingId)),
    pick: (speakerId, rosterId) => change(() => api.setSpeakerMember(meetingId, speakerId, rosterId)),
    confirm: () => {
      api.confirmSpeakers(meetingId).then(
        ({ stored }) =>
          inform({
            ja: `${stored}人の声を記憶しました`,
            en: `Remembered ${stored} voice${stored === 1 ? '' : 's'}`,
          }),
        reportError,
      );
    },
  };
}
