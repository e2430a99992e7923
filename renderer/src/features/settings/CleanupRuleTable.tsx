import { useState } from 'react';
import type { CleanupRuleKind, CleanupRuleSetting } from '../../../../native/common/api';
import { useI18n } from '../../i18n/i18n';

const NEW_KINDS: CleanupRuleKind[] = ['filler', 'custom'];

function newRuleId(rules: readonly CleanupRuleSetting[]): string {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `user-${n}`)) n++;
  return `user-${n}`;
}

/** The ケバ取り rules in order (the first that matches wins): switch on/off, edit, remove, add. */
export function CleanupRuleTable({ rules, onChange }: { rules: CleanupRuleSetting[]; onChange(rules: CleanupRuleSetting[]): void }) {
  const { t } = useI18n();
  const [pattern, setPattern] = useState('');
  const [kind, setKind] = useState<CleanupRuleKind>('filler');
  const update = (i: number, patch: Partial<CleanupRuleSetting>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const p = pattern.trim();
    if (!p) return;
    // a new filler goes before the built-in repeat/false-start rules, like the other fillers
    const at = kind === 'filler' ? rules.findIndex((r) => r.kind !== 'filler') : -1;
    const rule: CleanupRuleSetting = { id: newRuleId(rules), pattern: p, kind, enabled: true };
    onChange(at < 0 ? [...rules, rule] : [...rules.slice(0, at), rule, ...rules.slice(at)]);
    setPattern('');
  };
  return (
    <>
      <table className="rule-table" data-testid="rule-table">
        <thead>
          <tr>
            <th>{t('ruleEnabled')}</th>
            <th>{t('ruleKind')}</th>
            <th>{t('rulePattern')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => (
            <tr key={r.id} data-testid="rule-row" data-rule-id={r.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('ruleEnabled')}
                  data-testid="rule-enabled"
                  checked={r.enabled}
                  onChange={(e) => update(i, { enabled: e.target.checked })}
                />
              </td>
              <td>{t(`ruleKind_${r.kind}`)}</td>
              <td>
                <RulePattern value={r.pattern} onCommit={(p) => update(i, { pattern: p })} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button-quiet"
                  data-testid="rule-remove"
                  onClick={() => onChange(rules.filter((_, j) => j !== i))}
                >
                  {t('delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="rule-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          data-testid="rule-new-pattern"
          placeholder={t('rulePatternPlaceholder')}
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
        />
        <select
          data-testid="rule-new-kind"
          aria-label={t('ruleKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as CleanupRuleKind)}
        >
          {NEW_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ruleKind_${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button" data-testid="rule-add" disabled={!pattern.trim()}>
          {t('ruleAdd')}
        </button>
      </form>
    </>
  );
}

/** edited freely, saved when the field is left or Enter is pressed */
function RulePattern({ value, onCommit }: { value: string; onCommit(p: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const commit = () => {
    if (draft.trim() && draft !== value) onCommit(draft.trim());
    else setDraft(value);
  };
  return (
    <input
      className="rule-pattern"
      aria-label={t('rulePattern')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
