import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { FindMatch, FindQuery } from './findMatches';

interface Props {
  query: FindQuery;
  onQueryChange(q: FindQuery): void;
  matches: readonly FindMatch[];
  current: number;
  invalid: boolean;
  onStep(direction: 1 | -1): void;
  onReplaceOne(replace: string): void;
  onReplaceAll(replace: string): void;
  onClose(): void;
}

/** Find (and replace) across the whole meeting; replace-all is one undoable edit on the service. */
export function FindBar({ query, onQueryChange, matches, current, invalid, onStep, onReplaceOne, onReplaceAll, onClose }: Props) {
  const { t } = useI18n();
  const [replace, setReplace] = useState('');
  const findRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, []);
  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        ref={findRef}
        className={invalid ? 'input-invalid' : ''}
        aria-label={t('find')}
        placeholder={t('find')}
        value={query.find}
        data-testid="find-input"
        onChange={(e) => onQueryChange({ ...query, find: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {invalid ? t('badRegex') : `${matches.length ? current + 1 : 0} / ${matches.length} ${t('matches')}`}
      </span>
      <button type="button" className="button button-quiet" onClick={() => onStep(-1)} disabled={!matches.length}>
        {t('findPrev')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => onStep(1)} disabled={!matches.length}>
        {t('findNext')}
      </button>
      <input
        aria-label={t('replaceWith')}
        placeholder={t('replaceWith')}
        value={replace}
        data-testid="replace-input"
        onChange={(e) => setReplace(e.target.value)}
      />
      <button type="button" className="button" onClick={() => onReplaceOne(replace)} disabled={!matches.length}>
        {t('replaceOne')}
      </button>
      <button type="button" className="button" onClick={() => onReplaceAll(replace)} disabled={!matches.length}>
        {t('replaceAll')}
      </button>
      <label className="check">
        <input type="checkbox" checked={query.regex} onChange={(e) => onQueryChange({ ...query, regex: e.target.checked })} />
        {t('regex')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={query.caseSensitive}
          onChange={(e) => onQueryChange({ ...query, caseSensitive: e.target.checked })}
        />
        {t('caseSensitive')}
      </label>
      <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
