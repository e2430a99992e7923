import type { ReviewState } from '../../../../../native/common/api';
import { formatClock } from '../../../components/formatClock';
import { useI18n } from '../../../i18n/i18n';
import { ShortcutLabel } from '../commands/ShortcutLabel';
import { shortcutsFor, type EditorSettings } from '../settings/editorSettings';
import { reviewCounts } from './reviewPlan';

/** The review pass under way: which stretch, how many confirmed, and its keys. */
export function ReviewBar({
  state,
  current,
  settings,
  onClose,
}: {
  state: ReviewState;
  current: number;
  settings: EditorSettings;
  onClose(): void;
}) {
  const { t } = useI18n();
  const stretch = state.stretches[current];
  const { confirmed, total } = reviewCounts(state.stretches);
  return (
    <div
      className="review-bar"
      role="region"
      aria-label={t('reviewPass')}
      data-testid="review-bar"
      data-index={current}
      data-stretch-id={stretch?.id ?? ''}
      data-confirmed={confirmed}
      data-total={total}
    >
      <strong>{t('reviewPass')}</strong>
      <span className="review-position">
        {current + 1} / {total}
        {stretch ? ` · ${formatClock(stretch.start)}–${formatClock(stretch.end)}` : ''}
        {stretch?.confirmed ? ` · ${t('reviewConfirmed')}` : ''}
      </span>
      <span className="review-count">
        {t('reviewDoubtful')} {confirmed}/{total}
      </span>
      <span className="review-keys">
        <ShortcutLabel keys={shortcutsFor(settings, 'reviewConfirm')} /> {t('reviewConfirmNext')}
        <ShortcutLabel keys={shortcutsFor(settings, 'reviewReplay')} /> {t('reviewReplay')}
        <ShortcutLabel keys={shortcutsFor(settings, 'reviewNext')} /> {t('reviewSkip')}
        <ShortcutLabel keys={shortcutsFor(settings, 'reviewPass')} /> {t('reviewStop')}
      </span>
      <button type="button" className="button button-quiet" tabIndex={-1} onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
