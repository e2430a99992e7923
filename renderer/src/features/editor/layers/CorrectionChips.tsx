import { memo } from 'react';
import type { CorrectionSpan } from '../../../../../native/common/correctionSpans';
import { useI18n } from '../../../i18n/i18n';

export type CorrectionAction = 'toggle' | 'dismiss';

/**
 * Under a segment: each term correction still in its text. An applied one (replaced at
 * import or accepted) can be reverted; a suggestion accepted or dismissed. Toggling is an
 * ordinary text edit, so Ctrl+Z undoes it.
 */
export const CorrectionChips = memo(function CorrectionChips({
  spans,
  onAction,
}: {
  spans: readonly CorrectionSpan[];
  onAction(span: CorrectionSpan, action: CorrectionAction): void;
}) {
  const { t } = useI18n();
  if (spans.length === 0) return null;
  return (
    <div className="corrections" data-testid="corrections">
      {spans.map((s) => (
        <span key={s.correction.id} className={`correction correction-${s.state}`} data-testid={`correction-${s.state}`}>
          {s.state === 'applied' ? (
            <>
              <span className="correction-label">{t('correctionApplied')}</span>
              <b>{s.correction.to}</b>
              <span className="muted">← {s.correction.from}</span>
            </>
          ) : (
            <>
              <span className="correction-label">{t('correctionSuggested')}</span>
              {s.correction.from}
              <span className="muted"> → </span>
              <b>{s.correction.to}</b>
            </>
          )}
          <button
            type="button"
            className="button button-quiet button-small"
            data-testid={s.state === 'applied' ? 'correction-revert' : 'correction-accept'}
            onClick={() => onAction(s, 'toggle')}
          >
            {s.state === 'applied' ? t('correctionRevert') : t('correctionAccept')}
          </button>
          {s.state === 'suggested' && (
            <button
              type="button"
              className="button button-quiet button-small"
              data-testid="correction-dismiss"
              onClick={() => onAction(s, 'dismiss')}
            >
              {t('correctionDismiss')}
            </button>
          )}
        </span>
      ))}
    </div>
  );
});

export function correctionMarks(spans: readonly CorrectionSpan[]): { from: number; to: number; className: string }[] {
  return spans.map((s) => ({ from: s.start, to: s.end, className: s.state === 'applied' ? 'corr-applied' : 'corr-suggested' }));
}
