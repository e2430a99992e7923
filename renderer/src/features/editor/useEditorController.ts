import { useMemo, useRef, type RefObject } from 'react';
import type { Segment, Speaker } from '../../../../native/common/api';
import type { VirtualListHandle } from '../../components/VirtualList/VirtualList';
import type { EditorCommandContext } from './commands/editorCommands';
import type { PlaybackClock } from './playback/playbackClock';
import type { EditSession } from './state/editSession';
import type { RowActions } from './transcript/rowActions';
import { doubtLevelOf } from '../../../../native/common/doubtStretches';
import { locateTokens } from './transcript/tokenRanges';
import { segmentIndexAt, turnRange } from './transcript/turns';

export type EditorPanel = 'find' | 'speakers' | 'help' | 'settings' | 'commands';
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

interface Deps {
  session: EditSession;
  clock: PlaybackClock;
  listRef: RefObject<VirtualListHandle | null>;
  /** always the latest; read when a command runs */
  segmentsRef: RefObject<readonly Segment[]>;
  seekSecondsRef: RefObject<number>;
  openPanel(panel: EditorPanel): void;
  toggleFollow(): void;
}

/** The segment textarea that has focus, with its caret. */
function focusedTextarea(): { segmentId: number; el: HTMLTextAreaElement } | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLTextAreaElement) || !el.dataset['segmentId']) return null;
  return { segmentId: Number(el.dataset['segmentId']), el };
}

/**
 * The mechanics behind the editor commands and the rows' callbacks. Both objects are
 * stable for the life of the editor; they read the latest state through refs.
 */
export function useEditorController(deps: Deps): {
  ctx: Omit<EditorCommandContext, 'seekSeconds' | 'review'>;
  rowActions: RowActions;
  focusSegment(segmentId: number, from: number, to?: number): void;
} {
  const depsRef = useRef(deps);
  depsRef.current = deps;

  return useMemo(() => {
    const d = () => depsRef.current;
    const audio = () => d().clock.element();
    const segments = () => d().segmentsRef.current ?? [];
    const textareas = new Map<number, HTMLTextAreaElement>();

    const seekAndPlay = (time: number) => {
      const a = audio();
      if (!a) return;
      a.currentTime = Math.max(0, time);
      void a.play().catch(() => {
        /* no media or not allowed yet */
      });
    };

    /** Scrolls the segment into view, then focuses it with the given selection once it is rendered. */
    const focusSegment = (segmentId: number, from: number, to = from) => {
      const index = segments().findIndex((s) => s.id === segmentId);
      if (index < 0) return;
      d().listRef.current?.scrollToIndex(index, 'auto');
      let tries = 0;
      const attempt = () => {
        const el = textareas.get(segmentId);
        if (el) {
          el.focus({ preventScroll: false });
          el.setSelectionRange(from, to);
        } else if (tries++ < 20) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    };

    const currentIndex = (): number => {
      const focused = focusedTextarea();
      if (focused) return segments().findIndex((s) => s.id === focused.segmentId);
      return segmentIndexAt(segments(), d().clock.getTime());
    };

    const setTurnSpeaker = (segmentIndex: number, speakerId: number | null) => {
      const [first, last] = turnRange(segments(), segmentIndex);
      for (let i = first; i <= last; i++) {
        void d().session.apply({ kind: 'setSpeaker', segmentId: segments()[i]!.id, speakerId });
      }
    };

    const rowActions: RowActions = {
      get session() {
        return d().session;
      },
      get clock() {
        return d().clock;
      },
      textareas,
      seekAndPlay,
      onTextClick(segmentIndex, time) {
        // a click to fix a word in the line being played must not restart it
        if (segmentIndex !== segmentIndexAt(segments(), d().clock.getTime())) seekAndPlay(time);
      },
      setTurnSpeaker,
      addTurnSpeaker(segmentIndex, name, role) {
        // by id, not index: an edit that lands meanwhile (a split, say) may shift the rows
        const segmentId = segments()[segmentIndex]?.id;
        void d()
          .session.apply({ kind: 'addSpeaker', name, role })
          .then((r) => {
            // speaker ids are never reused and grow: the new speaker is the one with the highest id
            const added = r?.speakers.reduce<Speaker | null>((a, s) => (a && a.id > s.id ? a : s), null);
            const at = segments().findIndex((s) => s.id === segmentId);
            if (added && at >= 0) setTurnSpeaker(at, added.id);
          });
      },
    };

    const ctx: Omit<EditorCommandContext, 'seekSeconds' | 'review'> = {
      playPause() {
        const a = audio();
        if (!a) return;
        if (a.paused) void a.play().catch(() => undefined);
        else a.pause();
      },
      seekBy(seconds) {
        const a = audio();
        if (a) a.currentTime = Math.max(0, Math.min(a.duration || Infinity, a.currentTime + seconds));
      },
      changeRate(step) {
        const a = audio();
        if (!a) return;
        const at = PLAYBACK_RATES.findIndex((r) => r >= a.playbackRate - 0.01);
        const next = PLAYBACK_RATES[Math.max(0, Math.min(PLAYBACK_RATES.length - 1, (at < 0 ? 2 : at) + step))]!;
        a.playbackRate = next;
      },
      replayLine() {
        const s = segments()[currentIndex()];
        if (s) seekAndPlay(s.start);
      },
      splitAtCursor() {
        const f = focusedTextarea();
        if (!f) return;
        const offset = f.el.selectionStart;
        if (offset <= 0 || offset >= f.el.value.length) return;
        void d()
          .session.apply({ kind: 'split', segmentId: f.segmentId, offset })
          .then((r) => {
            if (!r) return;
            const list = segments();
            const at = list.findIndex((s) => s.id === f.segmentId);
            const next = list[at + 1];
            if (next) focusSegment(next.id, 0);
          });
      },
      mergeWithNext() {
        const f = focusedTextarea();
        if (!f) return;
        const join = f.el.value.length;
        void d()
          .session.apply({ kind: 'mergeNext', segmentId: f.segmentId })
          .then((r) => {
            if (r) focusSegment(f.segmentId, join);
          });
      },
      undo() {
        void d().session.undo();
      },
      redo() {
        void d().session.redo();
      },
      nextLowConfidence() {
        const list = segments();
        if (list.length === 0) return;
        const focused = focusedTextarea();
        const startIndex = Math.max(0, currentIndex());
        const startOffset = focused ? focused.el.selectionEnd : 0;
        for (let step = 0; step <= list.length; step++) {
          const index = (startIndex + step) % list.length;
          const s = list[index]!;
          const text = d().session.draftOf(s.id) ?? s.text;
          if (s.unheard && text === '' && step > 0) {
            const a = audio();
            if (a) a.currentTime = s.start;
            focusSegment(s.id, 0, 0);
            return;
          }
          const hit = locateTokens(text, s.tokens)?.find((r) => doubtLevelOf(r.token) !== 'none' && (step > 0 || r.from >= startOffset));
          if (hit) {
            const a = audio();
            if (a) a.currentTime = hit.token.start;
            focusSegment(s.id, hit.from, hit.to);
            return;
          }
        }
      },
      openPanel: (panel) => d().openPanel(panel),
      toggleFollow: () => d().toggleFollow(),
    };
    return { ctx, rowActions, focusSegment };
  }, []);
}
