import { useState } from 'react';
import type { TermFileEncoding, TermFileFormat } from '../../../../native/common/api';
import { api } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useI18n } from '../../i18n/i18n';
import { downloadBase64 } from './downloadBytes';

const ENCODINGS: TermFileEncoding[] = ['shift_jis', 'utf8bom', 'utf8'];

/** TSV or CSV, Shift_JIS by default (what Excel on Windows opens without asking), as a download. */
export function TermExport() {
  const { t } = useI18n();
  const { reportError } = useNotices();
  const [format, setFormat] = useState<TermFileFormat>('tsv');
  const [encoding, setEncoding] = useState<TermFileEncoding>('shift_jis');
  const exportFile = async () => {
    try {
      const base64 = await api.exportTermsBase64(format, encoding);
      const mime = format === 'csv' ? 'text/csv' : 'text/tab-separated-values';
      downloadBase64(base64, `用語辞書.${format}`, mime);
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <div className="term-export">
      <select
        data-testid="term-export-format"
        aria-label={t('termExportFormat')}
        value={format}
        onChange={(e) => setFormat(e.target.value as TermFileFormat)}
      >
        <option value="tsv">TSV</option>
        <option value="csv">CSV</option>
      </select>
      <select
        data-testid="term-export-encoding"
        aria-label={t('termExportEncoding')}
        value={encoding}
        onChange={(e) => setEncoding(e.target.value as TermFileEncoding)}
      >
        {ENCODINGS.map((enc) => (
          <option key={enc} value={enc}>
            {t(`encoding_${enc}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button" data-testid="term-export" onClick={() => void exportFile()}>
        {t('termExport')}
      </button>
    </div>
  );
}
