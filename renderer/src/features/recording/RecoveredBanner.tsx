import { useEffect, useState } from 'react';
import type { RecoveredRecording } from '../../../../native/common/api';
import { api } from '../../api/api';
import { formatClock } from '../../components/formatClock';
import { useI18n } from '../../i18n/i18n';

const DISMISSED_KEY = 'gijiroku.recoveredDismissed';

/** 「前回の録音を復元しました」: a recording a crash cut short became a meeting at this start. */
export function RecoveredBanner({ onOpen }: { onOpen(meetingId: number): void }) {
  const { t } = useI18n();
  const [recovered, setRecovered] = useState<RecoveredRecording[]>([]);
  useEffect(() => {
    const dismissed = new Set((sessionStorage.getItem(DISMISSED_KEY) ?? '').split(',').filter(Boolean).map(Number));
    api.listRecoveredRecordings().then(
      (list) => setRecovered(list.filter((r) => !dismissed.has(r.meetingId))),
      () => {},
    );
  }, []);
  if (recovered.length === 0) return null;
  const dismiss = () => {
    const ids = [...(sessionStorage.getItem(DISMISSED_KEY) ?? '').split(',').filter(Boolean), ...recovered.map((r) => String(r.meetingId))];
    sessionStorage.setItem(DISMISSED_KEY, ids.join(','));
    setRecovered([]);
  };
  return (
    <div className="recovered-banner" role="status" data-testid="recovered-banner">
      {recovered.map((r) => (
        <p key={r.meetingId}>
          <strong>{t('recoveredRecording')}</strong>：{r.title}（{formatClock(r.durationS)}）{' '}
          <button type="button" className="button" onClick={() => onOpen(r.meetingId)}>
            {t('open')}
          </button>
        </p>
      ))}
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('close')}
      </button>
    </div>
  );
}
