import { useState } from 'react';
import type { TermImportMode } from '../../../../native/common/api';
import type { LocalizedText } from '../../../../native/common/errors';
import { api, type ChosenFile } from '../../api/api';
import { toApiError } from '../../api/apiError';
import { useI18n } from '../../i18n/i18n';
import { useFileChooser } from '../../hooks/useFileChooser';

/** File dialog → upload (browser) or a handle from main's dialog (desktop) → importTerms; a bad file's lines stay on screen. */
export function TermImport({ onImported }: { onImported(): void }) {
  const { t, pick } = useI18n();
  const [mode, setMode] = useState<TermImportMode>('merge');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LocalizedText | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);

  const importFile = async (file: ChosenFile) => {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const r = await api.importTerms(await file.toRef(() => {}), mode);
      const kinds = r.unknownKinds ?? [];
      setResult({
        ja:
          `「${file.name}」を取り込みました：${r.added} 件追加、${r.updated} 件更新。` +
          (kinds.length
            ? `種別${kinds.map((k) => `「${k}」`).join('')}は標準の種別にないため、書かれたとおりに保存し、その他として扱います。`
            : ''),
        en:
          `Imported "${file.name}": ${r.added} added, ${r.updated} updated.` +
          (kinds.length ? ` The kinds ${kinds.join(', ')} are not built in: kept as written and treated as その他 (other).` : ''),
      });
      onImported();
    } catch (e) {
      setError(toApiError(e).text);
    } finally {
      setBusy(false);
    }
  };

  const chooser = useFileChooser(
    'terms',
    (f) => void importFile(f),
    (e) => setError(toApiError(e).text),
  );

  return (
    <div className="term-import">
      <label className="inline-label">
        {t('termImportMode')}
        <select data-testid="term-import-mode" value={mode} onChange={(e) => setMode(e.target.value as TermImportMode)}>
          <option value="merge">{t('termModeMerge')}</option>
          <option value="replace">{t('termModeReplace')}</option>
        </select>
      </label>
      <button type="button" className="button" data-testid="term-import" disabled={busy} onClick={chooser.open}>
        {busy ? t('importing') : t('termImport')}
      </button>
      <input
        ref={chooser.inputRef}
        type="file"
        hidden
        data-testid="term-import-file"
        accept=".tsv,.csv,.txt,text/tab-separated-values,text/csv,text/plain"
        onChange={chooser.onInputChange}
      />
      {result && (
        <p className="term-import-result" data-testid="term-import-result" role="status">
          {pick(result)}
        </p>
      )}
      {error && (
        <div className="term-import-errors" data-testid="term-import-errors" role="alert">
          <pre>{pick(error)}</pre>
          <button type="button" className="notice-close" aria-label={t('close')} onClick={() => setError(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
