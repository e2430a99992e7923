import { useMemo, useState } from 'react';
import type { Segment } from '../../../../../native/common/api';
import type { TextMark } from '../transcript/markText';
import { findMatches, findPattern, type FindMatch, type FindQuery } from './findMatches';

export interface FindState {
  query: FindQuery;
  setQuery(q: FindQuery): void;
  pattern: RegExp | null;
  invalid: boolean;
  matches: FindMatch[];
  current: number;
  setCurrent(i: number): void;
  /** per segment index, the hits to draw */
  marks: Map<number, TextMark[]>;
}

export function useFind(segments: readonly Segment[], open: boolean): FindState {
  const [query, setQuery] = useState<FindQuery>({ find: '', regex: false, caseSensitive: false });
  const [current, setCurrent] = useState(0);
  const compiled = useMemo(() => findPattern(query), [query]);
  const pattern = compiled instanceof RegExp ? compiled : null;
  const matches = useMemo(() => (open && pattern ? findMatches(segments, pattern) : []), [open, pattern, segments]);
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
    setQuery: (q) => { setQuery(q); setCurrent(0); },
    pattern,
    invalid: compiled instanceof Error,
    matches,
    current: safeCurrent,
    setCurrent,
    marks,
  };
}
