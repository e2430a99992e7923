import { memo, useMemo } from 'react';
import type { CleanSpan } from '../../../../../native/common/api';
import { useI18n } from '../../../i18n/i18n';
import { layerParts } from './textLayer';

/** A segment in the ケバ取り or 差分 view: read only (the verbatim text is what is edited). */
export const LayerText = memo(function LayerText({
  text,
  spans,
  layer,
}: {
  text: string;
  spans: readonly CleanSpan[] | undefined;
  layer: 'clean' | 'diff';
}) {
  const { t } = useI18n();
  const parts = useMemo(() => layerParts(text, spans ?? []), [text, spans]);
  return (
    <div
      className={`seg-layer seg-layer-${layer}${spans ? '' : ' seg-layer-pending'}`}
      data-testid="segment-layer"
      title={t('layerReadOnly')}
    >
      {parts.map((p, i) =>
        p.removed ? (
          layer === 'diff' ? (
            <del key={i} className="kebatori-removed">
              {p.text}
            </del>
          ) : null
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
});
