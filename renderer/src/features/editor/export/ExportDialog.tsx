import { useEffect, useState } from 'react';
import type { ExportTextChoice, Meeting, MeetingExportFormat } from '../../../../../native/common/api';
import { EXPORT_MIME, MEETING_EXPORT_FORMATS } from '../../../../../native/common/exportFormats';
import { api } from '../../../api/api';
import { toApiError } from '../../../api/apiError';
import { Modal } from '../../../components/Modal';
import { useNotices } from '../../../components/Notices';
import { useI18n } from '../../../i18n/i18n';
import { downloadBase64 } from '../../terms/downloadBytes';

const FORMATS: readonly MeetingExportFormat[] = MEETING_EXPORT_FORMATS;

/** a file name Windows accepts: no \ / : * ? " < > | */
export function exportFileName(meeting: Meeting | null, format: MeetingExportFormat): string {
  const base = (meeting?.title || '会議録').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120);
  return `${base}.${format}`;
}

/**
 * 書き出し: 会議録 (.docx, .txt) or subtitles/CSV, verbatim or clean (the council's
 * house style decides the default). The file comes as a download, so a plain browser works too.
 */
export function ExportDialog({ meeting, onClose }: { meeting: Meeting | null; onClose(): void }) {
  const { t, pick } = useI18n();
  const { inform } = useNotices();
  const [format, setFormat] = useState<MeetingExportFormat>('docx');
  const [text, setText] = useState<ExportTextChoice>('clean');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getCouncilSettings().then(
      (s) => setText(s.minutesStyle.text),
      () => undefined,
    );
  }, []);

  const run = async () => {
    if (!meeting) return;
    setBusy(true);
    setError(null);
    try {
      const base64 = await api.exportMeetingBase64(meeting.id, format, text);
      const name = exportFileName(meeting, format);
      downloadBase64(base64, name, EXPORT_MIME[format]);
      inform({ ja: `「${name}」を書き出しました。`, en: `Exported "${name}".` });
      onClose();
    } catch (e) {
      setError(pick(toApiError(e).text));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('exportTitle')} onClose={onClose}>
      <div className="export-form" data-testid="export-dialog">
        <label className="inline-label">
          {t('exportFormat')}
          <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as MeetingExportFormat)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`exportFormat_${f}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="export-text">
          <legend>{t('exportText')}</legend>
          {(['clean', 'verbatim'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="export-text"
                value={c}
                data-testid={`export-text-${c}`}
                checked={text === c}
                onChange={() => setText(c)}
              />
              {t(c === 'clean' ? 'layer_clean' : 'layer_verbatim')}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="export-error" role="alert" data-testid="export-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('close')}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="export-run"
            disabled={busy || !meeting}
            onClick={() => void run()}
          >
            {busy ? t('exporting') : t('exportRun')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
