// Meeting list and search. Each whitespace-separated term must match the meeting's title,
// body or transcript; terms of ≥3 characters go through the FTS5 trigram index, shorter
// ones (議長, 区長) through LIKE, which the trigram index cannot answer.
import type { Database } from 'better-sqlite3';
import type { MeetingSummary } from '../common/api';
import { toMeetingSummary, type MeetingRow } from './storeRows';

const SNIPPET_BEFORE = 20;
const SNIPPET_AFTER = 40;

export function searchMeetings(db: Database, query: string): MeetingSummary[] {
  const rows = db.prepare('SELECT * FROM meetings ORDER BY date DESC, id DESC').all() as MeetingRow[];
  const terms = query
    .trim()
    .split(/\s+/u)
    .filter((t) => t.length > 0);
  if (terms.length === 0) return rows.map((r) => toMeetingSummary(r, null));

  let found: Map<number, string | null> | null = null;
  for (const term of terms) {
    const hits = matchTerm(db, term);
    if (found === null) {
      found = hits;
    } else {
      const next = new Map<number, string | null>();
      for (const [id, snippet] of found) {
        if (hits.has(id)) next.set(id, snippet ?? hits.get(id) ?? null);
      }
      found = next;
    }
    if (found.size === 0) return [];
  }
  const matched = found ?? new Map<number, string | null>();
  return rows.filter((r) => matched.has(r.id)).map((r) => toMeetingSummary(r, matched.get(r.id) ?? null));
}

/** meeting id → a snippet of the first transcript segment containing the term (null: title/body only) */
function matchTerm(db: Database, term: string): Map<number, string | null> {
  const hits = new Map<number, string | null>();
  let segments: { meeting_id: number; text: string }[];
  let meetings: { id: number }[];
  if ([...term].length >= 3) {
    const phrase = `"${term.replaceAll('"', '""')}"`;
    // a bare column beside MIN() takes its value from the row holding the minimum (SQLite rule)
    segments = db
      .prepare(
        `
      SELECT meeting_id, text, MIN(seq) FROM segments
      WHERE id IN (SELECT rowid FROM segments_fts WHERE segments_fts MATCH ?)
      GROUP BY meeting_id`,
      )
      .all(phrase) as typeof segments;
    meetings = db.prepare('SELECT rowid AS id FROM meetings_fts WHERE meetings_fts MATCH ?').all(phrase) as typeof meetings;
  } else {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    segments = db
      .prepare(
        `
      SELECT meeting_id, text, MIN(seq) FROM segments WHERE text LIKE ? ESCAPE '\\'
      GROUP BY meeting_id`,
      )
      .all(pattern) as typeof segments;
    meetings = db
      .prepare(`SELECT id FROM meetings WHERE title LIKE @p ESCAPE '\\' OR body LIKE @p ESCAPE '\\'`)
      .all({ p: pattern }) as typeof meetings;
  }
  for (const s of segments) hits.set(s.meeting_id, snippetAround(s.text, term));
  for (const m of meetings) if (!hits.has(m.id)) hits.set(m.id, null);
  return hits;
}

export function snippetAround(text: string, term: string): string {
  const at = Math.max(0, text.toLowerCase().indexOf(term.toLowerCase()));
  const from = Math.max(0, at - SNIPPET_BEFORE);
  const to = Math.min(text.length, at + term.length + SNIPPET_AFTER);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
