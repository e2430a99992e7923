import { useEffect, useState } from 'react';
import type { CleanSpan } from '../../../../native/common/api';
import { api } from '../../api/api';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useI18n } from '../../i18n/i18n';
import { layerParts } from '../editor/layers/textLayer';

const SAMPLE = 'えー、ただいまから、あのー、本日の会議を開きます。ほい、保育園の件について、まあ、質問いたします。';

/** Try the saved rules on a sentence: what ケバ取り removes is struck through. */
export function CleanupPreview({ savedAt }: { savedAt: number }) {
  const { t } = useI18n();
  const [text, setText] = useState(SAMPLE);
  const debounced = useDebouncedValue(text, 300);
  const [spans, setSpans] = useState<CleanSpan[] | null>(null);
  useEffect(() => {
    let live = true;
    api.cleanTexts([debounced]).then(
      ([s]) => {
        if (live) setSpans(s ?? []);
      },
      () => {
        if (live) setSpans(null);
      },
    );
    return () => {
      live = false;
    };
  }, [debounced, savedAt]);
  return (
    <div className="cleanup-preview">
      <label className="inline-label">
        {t('cleanupPreview')}
        <input data-testid="cleanup-preview-input" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="seg-layer seg-layer-diff" data-testid="cleanup-preview">
        {spans === null
          ? '…'
          : layerParts(debounced, spans).map((p, i) =>
              p.removed ? (
                <del key={i} className="kebatori-removed">
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
      </p>
    </div>
  );
}
