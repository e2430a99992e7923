import { memo, useMemo } from 'react';
import type { CleanSpan, Segment, Speaker, StoredCorrection } from '../../../../../native/common/api';
import { segmentCorrections, type CorrectionSpan } from '../../../../../native/common/correctionSpans';
import { formatClock } from '../../../components/formatClock';
import { CorrectionChips, correctionMarks, type CorrectionAction } from '../layers/CorrectionChips';
import { LayerText } from '../layers/LayerText';
import type { TextLayer } from '../layers/textLayer';
import type { TextMark } from './markText';
import type { RowActions } from './rowActions';
import { SegmentText } from './SegmentText';
import { TurnHeader } from './TurnHeader';

interface Props {
  segment: Segment;
  index: number;
  turnStart: boolean;
  active: boolean;
  speakers: readonly Speaker[];
  findMarks: readonly TextMark[];
  actions: RowActions;
  layer: TextLayer;
  /** what ケバ取り removes from this text; undefined while being asked */
  cleanSpans: readonly CleanSpan[] | undefined;
  corrections: readonly StoredCorrection[] | undefined;
  onCorrection(segment: Segment, span: CorrectionSpan, action: CorrectionAction): void;
}

const NO_MARKS: TextMark[] = [];
const NO_SPANS: CorrectionSpan[] = [];

export const SegmentRow = memo(function SegmentRow({
  segment,
  index,
  turnStart,
  active,
  speakers,
  findMarks,
  actions,
  layer,
  cleanSpans,
  corrections,
  onCorrection,
}: Props) {
  const spans = useMemo(() => (corrections ? segmentCorrections(segment.text, corrections) : NO_SPANS), [segment.text, corrections]);
  const marks = useMemo(
    () => (spans.length ? [...findMarks, ...correctionMarks(spans)] : findMarks.length ? findMarks : NO_MARKS),
    [spans, findMarks],
  );
  const color = speakers.find((s) => s.id === segment.speakerId)?.color ?? '#888';
  return (
    <div
      className={`seg${active ? ' seg-active' : ''}${turnStart ? ' seg-turn-start' : ''}`}
      style={{ borderLeftColor: color }}
      data-testid="segment"
      data-segment-id={segment.id}
      data-start={segment.start}
    >
      {turnStart && (
        <TurnHeader
          speakerId={segment.speakerId}
          speakers={speakers}
          start={segment.start}
          onChangeSpeaker={(id) => actions.setTurnSpeaker(index, id)}
          onAddSpeaker={(name, role) => actions.addTurnSpeaker(index, name, role)}
        />
      )}
      <div className="seg-line">
        <button
          type="button"
          className="seg-time"
          data-testid="segment-time"
          tabIndex={-1}
          onClick={() => actions.seekAndPlay(segment.start)}
        >
          {formatClock(segment.start)}
        </button>
        {layer === 'verbatim' ? (
          <SegmentText segment={segment} index={index} active={active} findMarks={marks} actions={actions} />
        ) : (
          <LayerText text={segment.text} spans={cleanSpans} layer={layer} />
        )}
      </div>
      {layer === 'verbatim' && <CorrectionChips spans={spans} onAction={(span, action) => onCorrection(segment, span, action)} />}
    </div>
  );
});
