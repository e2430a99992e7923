import { useEffect, useRef, useState } from 'react';
import type { CleanSpan, Segment } from '../../../../../native/common/api';
import { api } from '../../../api/api';
import { useNotices } from '../../../components/Notices';

const EMPTY: ReadonlyMap<string, CleanSpan[]> = new Map();
/** after typing, ask again only once the clerk pauses */
const REFRESH_MS = 400;

/**
 * What ケバ取り removes from each segment's text, asked of the service (the same code and
 * council rules as the export) only while a ケバ取り/差分 view is shown; cached by text, so
 * an edit asks for one segment again. The rules are edited on another screen, so a fresh
 * editor (and this cache) is mounted after every change of them.
 */
export function useCleanSpans(segments: readonly Segment[], active: boolean): ReadonlyMap<string, CleanSpan[]> {
  const { reportError } = useNotices();
  const [spans, setSpans] = useState<ReadonlyMap<string, CleanSpan[]>>(EMPTY);
  const cache = useRef(new Map<string, CleanSpan[]>());

  useEffect(() => {
    if (!active) return;
    const missing = [...new Set(segments.map((s) => s.text))].filter((t) => !cache.current.has(t));
    if (missing.length === 0) {
      setSpans((prev) => (prev.size === cache.current.size ? prev : new Map(cache.current)));
      return;
    }
    let live = true;
    const timer = setTimeout(
      () => {
        api.cleanTexts(missing).then((result) => {
          if (!live) return;
          missing.forEach((t, i) => cache.current.set(t, result[i] ?? []));
          setSpans(new Map(cache.current));
        }, reportError);
      },
      cache.current.size === 0 ? 0 : REFRESH_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [segments, active, reportError]);

  return spans;
}
