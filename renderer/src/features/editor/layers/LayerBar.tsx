import { useI18n } from '../../../i18n/i18n';
import { LayerSwitch } from './LayerSwitch';
import type { TextLayer } from './textLayer';

/** Under the editor header: which text is shown, and the way out to Word. */
export function LayerBar({ layer, onLayer, onExport }: { layer: TextLayer; onLayer(l: TextLayer): void; onExport(): void }) {
  const { t } = useI18n();
  return (
    <div className="layer-bar">
      <LayerSwitch layer={layer} onChange={onLayer} />
      {layer !== 'verbatim' && <span className="muted layer-hint">{t('layerReadOnly')}</span>}
      <button type="button" className="button button-primary layer-export" data-testid="open-export" onClick={onExport}>
        {t('exportOpen')}
      </button>
    </div>
  );
}
