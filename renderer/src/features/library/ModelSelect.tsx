import type { ModelInfo } from '../../../../native/common/api';
import { useI18n } from '../../i18n/i18n';

export function ModelSelect({ models, value, onChange }: { models: ModelInfo[]; value: string; onChange(path: string): void }) {
  const { t } = useI18n();
  if (models.length === 0) return <span className="muted">{t('noModels')}</span>;
  return (
    <label className="inline-label">
      {t('model')}
      <select name="model" value={value} onChange={(e) => onChange(e.target.value)}>
        {models.map((m) => (
          <option key={m.path} value={m.path}>
            {m.name} ({Math.round(m.sizeBytes / 1e6)} MB)
          </option>
        ))}
      </select>
    </label>
  );
}
