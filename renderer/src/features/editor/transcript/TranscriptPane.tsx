import { forwardRef, useCallback, useMemo } from 'react';
import type { CleanSpan, Segment, Speaker, StoredCorrection } from '../../../../../native/common/api';
import type { CorrectionSpan } from '../../../../../native/common/correctionSpans';
import type { CorrectionAction } from '../layers/CorrectionChips';
import type { TextLayer } from '../layers/textLayer';
import { VirtualList, type VirtualListHandle } from '../../../components/VirtualList/VirtualList';
import { useI18n } from '../../../i18n/i18n';
import type { TextMark } from './markText';
import type { RowActions } from './rowActions';
import { SegmentRow } from './SegmentRow';
import { turnStarts } from './turns';

interface Props {
  segments: readonly Segment[];
  speakers: readonly Speaker[];
  activeIndex: number;
  findMarks: ReadonlyMap<number, TextMark[]>;
  actions: RowActions;
  layer: TextLayer;
  cleanSpans: ReadonlyMap<string, CleanSpan[]>;
  corrections: ReadonlyMap<number, StoredCorrection[]>;
  onCorrection(segment: Segment, span: CorrectionSpan, action: CorrectionAction): void;
}

const NO_MARKS: TextMark[] = [];
/** rough text metrics of .seg-input at the default width, for the height guess */
const CHARS_PER_LINE = 44;
const LINE_PX = 31;
const ROW_CHROME_PX = 14;
const TURN_HEADER_PX = 40;

/** The transcript as a virtual list of segments; a speaker header opens every turn. */
export const TranscriptPane = forwardRef<VirtualListHandle, Props>(function TranscriptPane(
  { segments, speakers, activeIndex, findMarks, actions, layer, cleanSpans, corrections, onCorrection },
  ref,
) {
  const { t } = useI18n();
  const starts = useMemo(() => turnStarts(segments), [segments]);
  const rowKey = useCallback((i: number) => segments[i]!.id, [segments]);
  const estimateHeight = useCallback(
    (i: number) => {
      const lines = Math.max(1, Math.ceil(segments[i]!.text.length / CHARS_PER_LINE));
      return ROW_CHROME_PX + lines * LINE_PX + (starts[i] ? TURN_HEADER_PX : 0);
    },
    [segments, starts],
  );
  const renderRow = useCallback(
    (i: number) => (
      <SegmentRow
        segment={segments[i]!}
        index={i}
        turnStart={starts[i]!}
        active={i === activeIndex}
        speakers={speakers}
        findMarks={findMarks.get(i) ?? NO_MARKS}
        actions={actions}
        layer={layer}
        cleanSpans={cleanSpans.get(segments[i]!.text)}
        corrections={corrections.get(segments[i]!.id)}
        onCorrection={onCorrection}
      />
    ),
    [segments, starts, activeIndex, speakers, findMarks, actions, layer, cleanSpans, corrections, onCorrection],
  );

  if (segments.length === 0) return <p className="empty">{t('noTranscript')}</p>;
  return (
    <VirtualList
      ref={ref}
      className="transcript"
      ariaLabel={t('appName')}
      count={segments.length}
      rowKey={rowKey}
      estimateHeight={estimateHeight}
      renderRow={renderRow}
    />
  );
});
