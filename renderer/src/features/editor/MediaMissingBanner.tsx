import { useState } from 'react';
import { api, type ChosenFile } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useFileChooser } from '../../hooks/useFileChooser';
import { useI18n } from '../../i18n/i18n';

/** The recording was moved or deleted since import: let the clerk point at it again. */
export function MediaMissingBanner({ meetingId, onRelinked }: { meetingId: number; onRelinked(): void }) {
  const { t } = useI18n();
  const { reportError } = useNotices();
  const [busy, setBusy] = useState(false);
  const relink = (file: ChosenFile): void => {
    setBusy(true);
    file
      .toRef(() => undefined)
      .then((ref) => api.relinkMedia(meetingId, ref))
      .then(onRelinked, reportError)
      .finally(() => setBusy(false));
  };
  const chooser = useFileChooser('media', relink, reportError);
  return (
    <div className="banner banner-warning" role="alert">
      <span>{t('mediaMissing')}</span>
      <button type="button" className="button" disabled={busy} onClick={chooser.open}>
        {busy ? t('uploading') : t('relink')}
      </button>
      <input ref={chooser.inputRef} type="file" hidden accept="audio/*,video/*" onChange={chooser.onInputChange} />
    </div>
  );
}
