import { useEffect, useMemo, useRef, useState } from 'react';
import type { Segment } from '../../../../../native/common/api';
import type { TextMark } from '../transcript/markText';
import { findPattern, type FindMatch, type FindQuery } from './findMatches';
import type { FindReply, FindRequest } from './findWorker';

/** longer than any sane search of a 4-hour meeting takes in the worker (≈ 20 ms for 3,000 turns) */
export const FIND_DEADLINE_MS = 1500;

export interface FindState {
  query: FindQuery;
  setQuery(q: FindQuery): void;
  pattern: RegExp | null;
  invalid: boolean;
  /** the search ran past its deadline and was stopped */
  tooSlow: boolean;
  matches: FindMatch[];
  current: number;
  setCurrent(i: number): void;
  /** per segment index, the hits to draw */
  marks: Map<number, TextMark[]>;
}

/** Matches come from a worker; a search past FIND_DEADLINE_MS terminates it (a new one serves the next query). */
function useFindWorker(texts: readonly string[] | null, query: FindQuery): { matches: FindMatch[]; tooSlow: boolean } {
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(0);
  const [result, setResult] = useState<{ matches: FindMatch[]; tooSlow: boolean }>({ matches: [], tooSlow: false });
  useEffect(() => () => worker.current?.terminate(), []);
  useEffect(() => {
    if (!texts) {
      setResult({ matches: [], tooSlow: false });
      return undefined;
    }
    const w = worker.current ?? new Worker(new URL('./findWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const id = ++nextId.current;
    const timer = setTimeout(() => {
      w.terminate();
      if (worker.current === w) worker.current = null;
      setResult({ matches: [], tooSlow: true });
    }, FIND_DEADLINE_MS);
    const onMessage = (e: MessageEvent<FindReply>) => {
      if (e.data.id !== id) return;
      clearTimeout(timer);
      setResult({ matches: e.data.matches, tooSlow: false });
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ id, texts: [...texts], query } satisfies FindRequest);
    return () => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
    };
  }, [texts, query]);
  return result;
}

export function useFind(segments: readonly Segment[], open: boolean): FindState {
  const [query, setQuery] = useState<FindQuery>({ find: '', regex: false, caseSensitive: false });
  const [current, setCurrent] = useState(0);
  const compiled = useMemo(() => findPattern(query), [query]);
  const pattern = compiled instanceof RegExp ? compiled : null;
  const texts = useMemo(() => (open && pattern ? segments.map((s) => s.text) : null), [open, pattern, segments]);
  const { matches, tooSlow } = useFindWorker(texts, query);
  const safeCurrent = matches.length ? Math.min(current, matches.length - 1) : 0;
  const marks = useMemo(() => {
    const bySegment = new Map<number, TextMark[]>();
    matches.forEach((m, i) => {
      const list = bySegment.get(m.segmentIndex) ?? [];
      list.push({ from: m.from, to: m.to, className: i === safeCurrent ? 'find-hit find-current' : 'find-hit' });
      bySegment.set(m.segmentIndex, list);
    });
    return bySegment;
  }, [matches, safeCurrent]);
  return {
    query,
    setQuery: (q) => {
      setQuery(q);
      setCurrent(0);
    },
    pattern,
    invalid: compiled instanceof Error || tooSlow,
    tooSlow,
    matches,
    current: safeCurrent,
    setCurrent,
    marks,
  };
}
