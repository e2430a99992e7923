import type { MinutesStyleSetting } from '../../../../native/common/api';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';

type Field = keyof MinutesStyleSetting;

const CHOICES: { [K in Field]: readonly MinutesStyleSetting[K][] } = {
  marks: ['byRole', 'circleOnly'],
  honorific: ['君', '議員', ''],
  honorificFor: ['everyone', 'councillors'],
  numerals: ['arabic', 'kanji'],
  text: ['clean', 'verbatim'],
};

/** The 会議録 house style: marks, honorific, numerals, and whether minutes print clean text by default. */
export function MinutesStyleForm({ style, onChange }: { style: MinutesStyleSetting; onChange(s: MinutesStyleSetting): void }) {
  const { t } = useI18n();
  const fields = Object.keys(CHOICES) as Field[];
  return (
    <div className="style-form">
      {fields.map((f) => (
        <label key={f} className="inline-label">
          {t(`style_${f}` as MessageKey)}
          <select
            data-testid={`style-${f}`}
            value={style[f]}
            onChange={(e) => onChange({ ...style, [f]: e.target.value } as MinutesStyleSetting)}
          >
            {CHOICES[f].map((v) => (
              <option key={v} value={v}>
                {t(`style_${f}_${v || 'none'}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
