import { useI18n } from '../../i18n/i18n';

/** peak 0..1 shown on a -60…0 dBFS scale; red near clipping */
export function LevelMeter({ peak }: { peak: number }) {
  const { t } = useI18n();
  const db = peak > 0 ? 20 * Math.log10(peak) : -Infinity;
  const fraction = Number.isFinite(db) ? Math.max(0, Math.min(1, (db + 60) / 60)) : 0;
  return (
    <div
      className="level-meter"
      role="meter"
      aria-label={t('recordLevel')}
      aria-valuemin={-60}
      aria-valuemax={0}
      aria-valuenow={Number.isFinite(db) ? Math.round(db) : -60}
      data-testid="record-level"
    >
      <div className={`level-fill${db > -3 ? ' level-clip' : ''}`} style={{ width: `${Math.round(fraction * 100)}%` }} />
    </div>
  );
}
