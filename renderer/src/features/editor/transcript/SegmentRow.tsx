import { memo } from 'react';
import type { Segment, Speaker } from '../../../../../native/common/api';
import { formatClock } from '../../../components/formatClock';
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
}

const NO_MARKS: TextMark[] = [];

export const SegmentRow = memo(function SegmentRow({ segment, index, turnStart, active, speakers, findMarks, actions }: Props) {
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
        <button type="button" className="seg-time" data-testid="segment-time" tabIndex={-1}
          onClick={() => actions.seekAndPlay(segment.start)}>
          {formatClock(segment.start)}
        </button>
        <SegmentText segment={segment} index={index} active={active} findMarks={findMarks.length ? findMarks : NO_MARKS} actions={actions} />
      </div>
    </div>
  );
});
