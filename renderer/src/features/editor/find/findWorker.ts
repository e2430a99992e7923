// Find runs here, off the UI thread: a pattern that slips past regexSafety.ts and backtracks for
// seconds is terminated by useFind's deadline instead of freezing the editor.
import { findMatches, findPattern, type FindMatch, type FindQuery } from './findMatches';

export interface FindRequest {
  id: number;
  texts: string[];
  query: FindQuery;
}
export interface FindReply {
  id: number;
  matches: FindMatch[];
}

self.onmessage = (e: MessageEvent<FindRequest>) => {
  const { id, texts, query } = e.data;
  const pattern = findPattern(query);
  const matches = pattern instanceof RegExp ? findMatches(texts, pattern) : [];
  self.postMessage({ id, matches } satisfies FindReply);
};
