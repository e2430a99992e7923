import { useState } from 'react';
import type { Term, TermRow } from '../../../../native/common/api';
import { useI18n } from '../../i18n/i18n';
import { EMPTY_DRAFT, fromDraft, toDraft } from './termDraft';
import { TermRowEditor } from './TermRowEditor';

interface Props {
  terms: TermRow[];
  onSave(term: Term & { id?: number }): Promise<boolean>;
  onDelete(term: TermRow): void;
}

/** 表記, よみ, 種別, 誤認識, 有効, 備考: one row per term, edited in place; a blank row adds. */
export function TermTable({ terms, onSave, onDelete }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <table className="term-table" data-testid="term-table">
      <thead>
        <tr>
          <th>{t('termSurface')}</th>
          <th>{t('termReading')}</th>
          <th>{t('termKind')}</th>
          <th>{t('termMisrecognitions')}</th>
          <th>{t('termEnabled')}</th>
          <th>{t('termNote')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {terms.map((term) =>
          editing === term.id ? (
            <TermRowEditor
              key={term.id}
              testId="term-edit-row"
              initial={toDraft(term)}
              saveLabel={t('save')}
              onCancel={() => setEditing(null)}
              onSave={async (d) => {
                const ok = await onSave({ ...fromDraft(d), id: term.id });
                if (ok) setEditing(null);
                return ok;
              }}
            />
          ) : (
            <tr key={term.id} data-testid="term-row" data-term-id={term.id} className={term.enabled ? '' : 'term-disabled'}>
              <td data-testid="term-cell-surface">{term.surface}</td>
              <td>{term.reading}</td>
              <td>{term.kind}</td>
              <td>{term.misrecognitions.join('、')}</td>
              <td>{term.enabled ? t('termOn') : t('termOff')}</td>
              <td data-testid="term-cell-note">{term.note}</td>
              <td className="term-actions">
                <button type="button" className="button button-quiet" data-testid="term-edit" onClick={() => setEditing(term.id)}>
                  {t('edit')}
                </button>
                <button type="button" className="button button-quiet" data-testid="term-delete" onClick={() => onDelete(term)}>
                  {t('delete')}
                </button>
              </td>
            </tr>
          ),
        )}
        <TermRowEditor testId="term-add-row" initial={EMPTY_DRAFT} saveLabel={t('termAdd')} onSave={(d) => onSave(fromDraft(d))} />
      </tbody>
    </table>
  );
}
