import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { rowAt, rowOffsets } from './rowLayout';

export interface VirtualListHandle {
  /** brings a row into view; 'auto' scrolls only when it is not fully visible */
  scrollToIndex(index: number, align?: 'auto' | 'center' | 'start'): void;
  element(): HTMLDivElement | null;
}

interface Props {
  count: number;
  rowKey(index: number): string | number;
  /** a guess until the row was measured; good guesses keep the scrollbar steady */
  estimateHeight(index: number): number;
  renderRow(index: number): ReactNode;
  /** extra pixels rendered above and below the viewport */
  overscanPx?: number;
  className?: string;
  ariaLabel?: string;
}

/**
 * Renders only the rows in (and near) the viewport. Heights are measured by one
 * ResizeObserver and remembered per row key, so an edit that inserts or removes rows
 * keeps the others' sizes; when a row above the viewport changes height, scrollTop is
 * corrected so that what the clerk is reading does not jump.
 */
export const VirtualList = forwardRef<VirtualListHandle, Props>(function VirtualList(
  { count, rowKey, estimateHeight, renderRow, overscanPx = 600, className, ariaLabel },
  ref,
) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const measured = useRef(new Map<string | number, number>());
  const [layoutVersion, setLayoutVersion] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: 800 });

  const offsets = useMemo(
    () => rowOffsets(count, (i) => measured.current.get(rowKey(i)) ?? estimateHeight(i)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- layoutVersion stands for the measurements in the ref `measured`
    [count, rowKey, estimateHeight, layoutVersion],
  );
  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;

  const first = count === 0 ? 0 : rowAt(offsets, Math.max(0, viewport.top - overscanPx));
  const last = count === 0 ? -1 : rowAt(offsets, viewport.top + viewport.height + overscanPx);
  const firstVisibleRef = useRef(0);
  firstVisibleRef.current = count === 0 ? 0 : rowAt(offsets, viewport.top);

  // Measurements arrive in bursts; apply them once per frame.
  const pendingFrame = useRef(0);
  const scrollCorrection = useRef(0);
  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let changed = false;
        for (const entry of entries) {
          const el = entry.target as HTMLElement;
          const key = el.dataset['rowKey'];
          const index = Number(el.dataset['rowIndex']);
          if (key === undefined) continue;
          const typedKey = el.dataset['rowKeyType'] === 'number' ? Number(key) : key;
          const height = el.offsetHeight;
          const before = measured.current.get(typedKey) ?? offsetsRef.current[index + 1]! - offsetsRef.current[index]!;
          if (Math.abs(before - height) < 0.5) continue;
          measured.current.set(typedKey, height);
          if (index < firstVisibleRef.current) scrollCorrection.current += height - before;
          changed = true;
        }
        if (changed && !pendingFrame.current) {
          pendingFrame.current = requestAnimationFrame(() => {
            pendingFrame.current = 0;
            setLayoutVersion((v) => v + 1);
          });
        }
      }),
    [],
  );
  useEffect(
    () => () => {
      observer.disconnect();
      cancelAnimationFrame(pendingFrame.current);
    },
    [observer],
  );

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller && scrollCorrection.current !== 0) {
      scroller.scrollTop += scrollCorrection.current;
      scrollCorrection.current = 0;
    }
  }, [layoutVersion]);

  const observeRow = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      observer.observe(el);
      return () => observer.unobserve(el);
    },
    [observer],
  );

  const readViewport = useCallback(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    setViewport((v) =>
      v.top === scroller.scrollTop && v.height === scroller.clientHeight ? v : { top: scroller.scrollTop, height: scroller.clientHeight },
    );
  }, []);

  useLayoutEffect(() => {
    readViewport();
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const resize = new ResizeObserver(readViewport);
    resize.observe(scroller);
    return () => resize.disconnect();
  }, [readViewport]);

  useImperativeHandle(
    ref,
    () => ({
      element: () => scrollerRef.current,
      scrollToIndex(index, align = 'auto') {
        const scroller = scrollerRef.current;
        const o = offsetsRef.current;
        if (!scroller || index < 0 || index >= o.length - 1) return;
        const top = o[index]!;
        const bottom = o[index + 1]!;
        const view = scroller.clientHeight;
        let target = scroller.scrollTop;
        if (align === 'start') target = top;
        else if (align === 'center') target = top - (view - (bottom - top)) / 2;
        else if (top < scroller.scrollTop) target = top - view * 0.2;
        else if (bottom > scroller.scrollTop + view) target = bottom - view * 0.8;
        scroller.scrollTop = Math.max(0, target);
        readViewport();
      },
    }),
    [readViewport],
  );

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const key = rowKey(i);
    rows.push(
      <div
        key={key}
        ref={observeRow}
        className="vlist-row"
        data-row-key={key}
        data-row-key-type={typeof key}
        data-row-index={i}
        style={{ transform: `translateY(${offsets[i]}px)` }}
      >
        {renderRow(i)}
      </div>,
    );
  }

  return (
    <div ref={scrollerRef} className={`vlist ${className ?? ''}`} onScroll={readViewport} role="list" aria-label={ariaLabel}>
      <div className="vlist-inner" style={{ height: offsets[count] }}>
        {rows}
      </div>
    </div>
  );
});
