import { useCallback, useEffect, useState } from 'react';
import type { Term, TermRow } from '../../../../native/common/api';
import { api } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useI18n } from '../../i18n/i18n';
import { TermExport } from './TermExport';
import { TermImport } from './TermImport';
import { TermTable } from './TermTable';

/** 用語辞書: the council's names, places and terms, kept in the app's store. */
export function TermScreen({ onBack }: { onBack(): void }) {
  const { t } = useI18n();
  const { reportError, inform } = useNotices();
  const [terms, setTerms] = useState<TermRow[] | null>(null);

  const refresh = useCallback(() => {
    api.listTerms().then(setTerms, reportError);
  }, [reportError]);
  useEffect(refresh, [refresh]);

  const save = async (term: Term & { id?: number }): Promise<boolean> => {
    try {
      await api.saveTerm(term);
      refresh();
      return true;
    } catch (e) {
      reportError(e);
      return false;
    }
  };
  const remove = (term: TermRow) => {
    api.deleteTerm(term.id).then(() => {
      inform({ ja: `「${term.surface}」を削除しました。`, en: `Deleted "${term.surface}".` });
      refresh();
    }, reportError);
  };

  return (
    <main className="terms-screen" data-testid="term-screen">
      <section className="panel terms-panel">
        <div className="terms-header">
          <button type="button" className="button button-quiet" onClick={onBack}>
            {t('back')}
          </button>
          <h2>{t('termDictionary')}</h2>
          <span className="muted" data-testid="term-count">
            {terms ? `${terms.length} ${t('termCountSuffix')}` : ''}
          </span>
        </div>
        <div className="terms-toolbar">
          <TermImport onImported={refresh} />
          <TermExport />
        </div>
        {terms === null ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <>
            {terms.length === 0 && (
              <p className="muted" data-testid="term-empty">
                {t('termEmpty')}
              </p>
            )}
            <TermTable terms={terms} onSave={save} onDelete={remove} />
          </>
        )}
      </section>
    </main>
  );
}
