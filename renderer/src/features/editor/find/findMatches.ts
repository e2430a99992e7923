import { unsafePattern } from '../../../../../native/common/regexSafety';

export interface FindQuery {
  find: string;
  regex: boolean;
  caseSensitive: boolean;
}
export interface FindMatch {
  segmentIndex: number;
  from: number;
  to: number;
}

/** The query as a global RegExp, or an Error for an invalid or unsafe pattern (regexSafety.ts), or null when empty. */
export function findPattern(q: FindQuery): RegExp | Error | null {
  if (!q.find) return null;
  const unsafe = q.regex ? unsafePattern(q.find) : null;
  if (unsafe) return new Error(unsafe.en);
  const source = q.regex ? q.find : q.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, q.caseSensitive ? 'gu' : 'giu');
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

const MAX_MATCHES = 5000;

/** Every non-empty hit in order, at most MAX_MATCHES of them over all the lines; run in findWorker.ts, never on the UI thread. */
export function findMatches(texts: readonly string[], pattern: RegExp): FindMatch[] {
  const matches: FindMatch[] = [];
  for (const [segmentIndex, text] of texts.entries()) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      matches.push({ segmentIndex, from: m.index, to: m.index + m[0].length });
      if (matches.length >= MAX_MATCHES) return matches;
    }
  }
  return matches;
}
