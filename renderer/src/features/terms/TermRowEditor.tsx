import { useState } from 'react';
import { TERM_KIND_NAMES } from '../../../../native/common/api';
import { useI18n } from '../../i18n/i18n';
import type { TermDraft } from './termDraft';

interface Props {
  initial: TermDraft;
  saveLabel: string;
  testId: string;
  onSave(draft: TermDraft): Promise<boolean>;
  onCancel?(): void;
}

/** One table row of inputs: editing a term, or the add row at the bottom. */
export function TermRowEditor({ initial, saveLabel, testId, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TermDraft>(key: K, value: TermDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = async () => {
    setBusy(true);
    const ok = await onSave(draft);
    setBusy(false);
    if (ok && !onCancel) setDraft(initial);
  };
  return (
    <tr
      data-testid={testId}
      className="term-editing"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          void save();
        }
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
    >
      <td>
        <input
          data-testid="term-surface"
          aria-label={t('termSurface')}
          value={draft.surface}
          onChange={(e) => set('surface', e.target.value)}
        />
      </td>
      <td>
        <input
          data-testid="term-reading"
          aria-label={t('termReading')}
          value={draft.reading}
          onChange={(e) => set('reading', e.target.value)}
        />
      </td>
      <td>
        {/* any 種別 the council uses (人名, 特産品 …); the built-in ones are suggested */}
        <input
          data-testid="term-kind"
          aria-label={t('termKind')}
          list="term-kind-names"
          value={draft.kind}
          maxLength={30}
          onChange={(e) => set('kind', e.target.value)}
        />
        <datalist id="term-kind-names">
          {TERM_KIND_NAMES.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </td>
      <td>
        <input
          data-testid="term-misrecognitions"
          aria-label={t('termMisrecognitions')}
          placeholder={t('termMisrecognitionsHint')}
          value={draft.misrecognitions}
          onChange={(e) => set('misrecognitions', e.target.value)}
        />
      </td>
      <td>
        <input
          type="checkbox"
          data-testid="term-enabled"
          aria-label={t('termEnabled')}
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.target.checked)}
        />
      </td>
      <td>
        <input data-testid="term-note" aria-label={t('termNote')} value={draft.note} onChange={(e) => set('note', e.target.value)} />
      </td>
      <td className="term-actions">
        <button type="button" className="button button-primary" data-testid="term-save" disabled={busy} onClick={() => void save()}>
          {saveLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('cancelForm')}
          </button>
        )}
      </td>
    </tr>
  );
}
