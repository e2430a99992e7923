import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Segment } from '../../../../../native/common/api';
import { formatClock } from '../../../components/formatClock';
import { useI18n } from '../../../i18n/i18n';
import { usePlaybackDerived } from '../playback/usePlaybackTime';
import { markRuns, tokenMarks, type TextMark } from './markText';
import type { RowActions } from './rowActions';
import { locateTokens, tokenAt } from './tokenRanges';

interface Props {
  segment: Segment;
  index: number;
  active: boolean;
  findMarks: readonly TextMark[];
  actions: RowActions;
}

/**
 * The segment's text, editable in place. A transparent textarea lies over a "mirror"
 * with the same text and metrics: the mirror draws the playing word, low-confidence
 * words and find hits underneath, and gives the textarea its height.
 */
export const SegmentText = memo(function SegmentText({ segment, index, active, findMarks, actions }: Props) {
  const { session, clock, textareas } = actions;
  const { pick } = useI18n();
  const [value, setValue] = useState(() => session.draftOf(segment.id) ?? segment.text);
  const composing = useRef(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  // The service changed the text (undo, replace all…) and nothing typed here is waiting.
  useEffect(() => {
    if (session.draftOf(segment.id) === undefined && !composing.current) setValue(segment.text);
  }, [segment.text, segment.id, session]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    textareas.set(segment.id, el);
    return () => {
      if (textareas.get(segment.id) === el) textareas.delete(segment.id);
    };
  }, [segment.id, textareas]);

  const ranges = useMemo(() => locateTokens(value, segment.tokens), [value, segment.tokens]);
  const activeToken = usePlaybackDerived(clock, (t) => (active && ranges ? tokenAt(ranges, t) : -1));
  const runs = useMemo(() => markRuns(value, [...tokenMarks(ranges, activeToken), ...findMarks]), [value, ranges, activeToken, findMarks]);

  const timeAtOffset = (offset: number): number => {
    const hit = ranges?.find((r) => offset >= r.from && offset <= r.to);
    return hit ? hit.token.start : segment.start;
  };

  return (
    <div className={`seg-text${segment.unheard && value === '' ? ' seg-unheard' : ''}`}>
      <div className="seg-mirror" aria-hidden="true">
        {runs.map((r, i) =>
          r.className ? (
            <span key={i} className={r.className}>
              {r.text}
            </span>
          ) : (
            r.text
          ),
        )}{' '}
      </div>
      <textarea
        ref={ref}
        className="seg-input"
        data-testid="segment-text"
        data-segment-id={segment.id}
        spellCheck={false}
        rows={1}
        value={value}
        placeholder={segment.unheard ? pick(unheardLabel(segment)) : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          if (!composing.current) session.setDraft(segment.id, e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
          session.setComposing(true);
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          session.setDraft(segment.id, e.currentTarget.value);
          session.setComposing(false);
        }}
        onBlur={() => {
          void session.flush();
        }}
        onClick={(e) => actions.onTextClick(index, timeAtOffset(e.currentTarget.selectionStart))}
      />
    </div>
  );
});

/** What an unheard line says until the clerk types what was said. */
function unheardLabel(s: Segment): { ja: string; en: string } {
  const span = `${formatClock(s.start)}–${formatClock(s.end)}`;
  return {
    ja: `（聞き取れませんでした ${span}　再生して入力してください）`,
    en: `(Not recognised ${span}: play it and type what was said)`,
  };
}
