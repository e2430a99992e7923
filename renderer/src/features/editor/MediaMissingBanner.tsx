import { useState } from 'react';
import { api, mediaPathForFile } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useI18n } from '../../i18n/i18n';

/** The recording was moved or deleted since import: let the clerk point at it again. */
export function MediaMissingBanner({ meetingId, onRelinked }: { meetingId: number; onRelinked(): void }) {
  const { t } = useI18n();
  const { reportError } = useNotices();
  const [busy, setBusy] = useState(false);
  return (
    <div className="banner banner-warning" role="alert">
      <span>{t('mediaMissing')}</span>
      <label className="button">
        {busy ? t('uploading') : t('relink')}
        <input type="file" hidden accept="audio/*,video/*" disabled={busy} onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          mediaPathForFile(file, () => undefined)
            .then((path) => api.relinkMedia(meetingId, path))
            .then(onRelinked, reportError)
            .finally(() => setBusy(false));
        }} />
      </label>
    </div>
  );
}
