import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, type ChosenFile } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useFileChooser } from '../../hooks/useFileChooser';
import { useI18n } from '../../i18n/i18n';

/**
 * First run on an isolated PC: until a speech model is found, a short screen asks for one
 * (IT brings it on a USB stick); importModel checks it against models/manifest.json.
 */
export function FirstRunGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { reportError, inform } = useNotices();
  const [state, setState] = useState<'checking' | 'missing' | 'ready'>('checking');
  const [busy, setBusy] = useState<number | null>(null);

  const check = useCallback(() => {
    api.listModels().then(
      (list) => setState(list.length > 0 ? 'ready' : 'missing'),
      (e: unknown) => {
        reportError(e);
        setState('ready');
      },
    );
  }, [reportError]);
  useEffect(check, [check]);

  const importFile = async (file: ChosenFile): Promise<void> => {
    setBusy(0);
    try {
      const model = await api.importModel(await file.toRef((f) => setBusy(f)));
      inform({ ja: `認識モデル ${model.name} を取り込みました。`, en: `Imported the model ${model.name}.` });
      check();
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  };

  const chooser = useFileChooser('model', (f) => void importFile(f), reportError);

  if (state !== 'missing') return <>{children}</>;
  return (
    <main className="panel first-run" data-testid="first-run">
      <h1>{t('firstRunTitle')}</h1>
      <p>{t('firstRunExplain')}</p>
      <button type="button" className="button button-primary" disabled={busy !== null} onClick={chooser.open}>
        {busy === null ? t('firstRunChoose') : `${t('firstRunImporting')} ${Math.round(busy * 100)}%`}
      </button>
      <input
        ref={chooser.inputRef}
        type="file"
        accept=".bin"
        hidden
        data-testid="model-file"
        disabled={busy !== null}
        onChange={chooser.onInputChange}
      />
      <p className="muted">{t('firstRunHint')}</p>
    </main>
  );
}
