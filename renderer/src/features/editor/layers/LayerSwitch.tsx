import { useI18n } from '../../../i18n/i18n';
import type { TextLayer } from './textLayer';

const LAYERS: TextLayer[] = ['verbatim', 'clean', 'diff'];

/** 素起こし / ケバ取り / 差分 */
export function LayerSwitch({ layer, onChange }: { layer: TextLayer; onChange(l: TextLayer): void }) {
  const { t } = useI18n();
  return (
    <div className="layer-switch" role="radiogroup" aria-label={t('layerSwitch')}>
      {LAYERS.map((l) => (
        <button
          key={l}
          type="button"
          role="radio"
          aria-checked={layer === l}
          data-testid={`layer-${l}`}
          className={`layer-option${layer === l ? ' layer-option-on' : ''}`}
          onClick={() => onChange(l)}
        >
          {t(`layer_${l}`)}
        </button>
      ))}
    </div>
  );
}
