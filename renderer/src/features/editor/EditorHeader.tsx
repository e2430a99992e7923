import { useEffect, useState } from 'react';
import type { Meeting } from '../../../../native/common/api';
import { useI18n } from '../../i18n/i18n';
import type { EditSession, SaveStatus } from './state/editSession';
import type { EditorPanel } from './useEditorController';

function SaveIndicator({ session }: { session: EditSession }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<SaveStatus>(session.status());
  useEffect(() => session.onStatus(setStatus), [session]);
  const label = status === 'saved' ? t('saved') : status === 'saving' ? t('saving') : t('unsaved');
  return (
    <span className={`save-status save-${status}`} data-testid="save-status" data-status={status}>
      {label}
    </span>
  );
}

export function EditorHeader({
  meeting,
  session,
  onBack,
  onPanel,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
}: {
  meeting: Meeting | null;
  session: EditSession;
  onBack(): void;
  onPanel(p: EditorPanel): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="editor-header">
      <button type="button" className="button button-quiet" onClick={onBack}>
        {t('back')}
      </button>
      <div className="editor-title">
        <h1>{meeting?.title ?? t('loading')}</h1>
        {meeting && <span className="muted">{[meeting.body, meeting.date, meeting.place].filter(Boolean).join('　')}</span>}
      </div>
      <SaveIndicator session={session} />
      <div className="toolbar">
        <button type="button" className="button button-quiet" data-testid="undo" disabled={!canUndo} onClick={onUndo}>
          ↶ {t('undo')}
        </button>
        <button type="button" className="button button-quiet" data-testid="redo" disabled={!canRedo} onClick={onRedo}>
          ↷ {t('redo')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onPanel('find')}>
          {t('find')}
        </button>
        <button type="button" className="button button-quiet" data-testid="open-speakers" onClick={() => onPanel('speakers')}>
          {t('speakers')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onPanel('commands')}>
          {t('commands')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onPanel('settings')}>
          {t('settings')}
        </button>
        <button type="button" className="button button-quiet" aria-label={t('help')} onClick={() => onPanel('help')}>
          ?
        </button>
      </div>
    </div>
  );
}
