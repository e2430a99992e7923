import { useState } from 'react';
import type { MeetingSummary } from '../../../../native/common/api';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/i18n';

/** Deleting is for good (closed sessions must really go): the clerk confirms by name what goes. */
export function DeleteMeetingDialog({
  meeting,
  onDelete,
  onClose,
}: {
  meeting: MeetingSummary;
  onDelete(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={t('deleteMeetingTitle')} onClose={onClose}>
      <div data-testid="delete-meeting-dialog">
        <p>
          <strong>{meeting.title}</strong>
          {meeting.date && `（${meeting.date}）`}
        </p>
        <p>{t('deleteMeetingExplain')}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('deleteMeetingKeep')}
          </button>
          <button
            type="button"
            className="button button-danger"
            data-testid="confirm-delete-meeting"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onDelete().finally(() => setBusy(false));
            }}
          >
            {t('deleteMeetingConfirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
