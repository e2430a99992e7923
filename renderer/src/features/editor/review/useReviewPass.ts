import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Coverage, ReviewState, Segment } from '../../../../../native/common/api';
import { api } from '../../../api/api';
import { useNotices } from '../../../components/Notices';
import type { ReviewCommands } from '../commands/editorCommands';
import type { PlaybackClock } from '../playback/playbackClock';
import type { EditSession } from '../state/editSession';
import { nextOpenStretch, stretchTarget } from './reviewPlan';

interface Deps {
  meetingId: number;
  /** the transcript has arrived: the pass loads after it, so the first rows are painted without waiting */
  ready: boolean;
  clock: PlaybackClock;
  session: EditSession;
  segmentsRef: RefObject<readonly Segment[]>;
  focusSegment(segmentId: number, from: number, to?: number): void;
  setCoverage(c: Coverage): void;
}

export interface ReviewPass {
  state: ReviewState | null;
  active: boolean;
  /** index of the stretch being played, -1 when none */
  current: number;
  commands: ReviewCommands;
}

/**
 * The review pass: plays the doubtful stretches one after another (each already holds 0.5 s of
 * context on both sides), stops at the end of each with the cursor on its first 要確認 word for a
 * fix; Enter confirms it (stored, counted as listened) and plays the next one not yet confirmed.
 */
export function useReviewPass(deps: Deps): ReviewPass {
  const { reportError, inform } = useNotices();
  const [state, setState] = useState<ReviewState | null>(null);
  const [active, setActive] = useState(false);
  const [current, setCurrent] = useState(-1);
  const live = useRef({ deps, state, active, current, reportError, inform });
  live.current = { deps, state, active, current, reportError, inform };
  const stopWatch = useRef<(() => void) | null>(null);

  useEffect(() => {
    let on = true;
    setState(null);
    setActive(false);
    setCurrent(-1);
    if (deps.ready)
      api.getReview(deps.meetingId).then(
        (s) => {
          if (on) setState(s);
        },
        (e: unknown) => live.current.reportError(e),
      );
    return () => {
      on = false;
      stopWatch.current?.();
    };
  }, [deps.meetingId, deps.ready]);

  const play = useCallback((index: number) => {
    const { deps: d, state: st } = live.current;
    const stretch = st?.stretches[index];
    const audio = d.clock.element();
    if (!stretch) return;
    setCurrent(index);
    live.current.current = index;
    stopWatch.current?.();
    if (audio) {
      audio.currentTime = stretch.start;
      void audio.play().catch(() => {
        /* no media yet */
      });
      // pause at the stretch's end; the time seen before the seek lands is not the stretch's
      let entered = false;
      const unsubscribe = d.clock.subscribe(() => {
        const t = d.clock.getTime();
        if (!entered) {
          entered = t >= stretch.start - 0.3 && t < stretch.end;
          return;
        }
        if (!d.clock.isPlaying()) {
          unsubscribe();
          return;
        }
        if (t >= stretch.end) {
          audio.pause();
          unsubscribe();
        }
      });
      stopWatch.current = () => {
        unsubscribe();
        stopWatch.current = null;
      };
    }
    const target = stretchTarget(d.segmentsRef.current ?? [], stretch, (s) => d.session.draftOf(s.id) ?? s.text);
    if (target) d.focusSegment(target.segmentId, target.from, target.to);
  }, []);

  const stop = useCallback(() => {
    stopWatch.current?.();
    setActive(false);
    live.current.active = false;
    live.current.deps.clock.element()?.pause();
  }, []);

  const commands = useMemo<ReviewCommands>(
    () => ({
      active: () => live.current.active,
      toggle() {
        const { state: st, active: on } = live.current;
        if (on) {
          stop();
          return;
        }
        if (!st) return;
        const next = nextOpenStretch(st.stretches, -1);
        if (next < 0) {
          live.current.inform(
            st.stretches.length
              ? { ja: '要確認の区間はすべて確認済みです', en: 'Every doubtful stretch has been confirmed' }
              : { ja: 'この会議に要確認の区間はありません', en: 'This meeting has no doubtful stretches' },
          );
          return;
        }
        setActive(true);
        live.current.active = true;
        play(next);
      },
      confirmAndNext() {
        const { state: st, current: at, deps: d } = live.current;
        const stretch = st?.stretches[at];
        if (!stretch) return;
        api.confirmReviewStretch(d.meetingId, stretch.id).then(
          (next) => {
            setState(next);
            live.current.state = next;
            d.setCoverage(next.listened);
            if (!live.current.active) return;
            const following = nextOpenStretch(next.stretches, at);
            if (following < 0) {
              stop();
              live.current.inform({ ja: '要確認の区間をすべて確認しました', en: 'All doubtful stretches are confirmed' });
            } else play(following);
          },
          (e: unknown) => live.current.reportError(e),
        );
      },
      replay() {
        play(live.current.current);
      },
      step(direction) {
        const { state: st, current: at } = live.current;
        if (!st?.stretches.length) return;
        play(Math.max(0, Math.min(st.stretches.length - 1, at + direction)));
      },
    }),
    [play, stop],
  );

  return { state, active, current, commands };
}
