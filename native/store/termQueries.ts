// The term dictionary table: list, bulk import (merge or replace) in one transaction,
// single add/change/delete. Terms are unique by 表記+よみ.
import type { Database } from 'better-sqlite3';
import type { TermEntry } from '../dictionary/termEntry';
import type { TermEntryRow } from './meetingStoreContract';
import { duplicateTermError, notFoundError } from './storeErrors';
import { nowIso } from './storeRows';

interface TermDbRow {
  id: number;
  surface: string;
  reading: string;
  kind: string;
  misrecognitions: string;
  enabled: number;
  note: string;
}

const COLUMNS = 'id, surface, reading, kind, misrecognitions, enabled, note';

function toTerm(r: TermDbRow): TermEntryRow {
  let mis: unknown;
  try {
    mis = JSON.parse(r.misrecognitions);
  } catch {
    mis = [];
  }
  return {
    id: r.id,
    surface: r.surface,
    reading: r.reading,
    kind: r.kind,
    misrecognitions: Array.isArray(mis) ? mis.filter((m): m is string => typeof m === 'string') : [],
    enabled: r.enabled === 1,
    note: r.note,
  };
}

export function listTerms(db: Database): TermEntryRow[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM terms ORDER BY reading, surface, id`).all() as TermDbRow[];
  return rows.map(toTerm);
}

function findId(db: Database, surface: string, reading: string): number | null {
  const r = db.prepare('SELECT id FROM terms WHERE surface = ? AND reading = ?').get(surface, reading) as { id: number } | undefined;
  return r?.id ?? null;
}

function values(e: TermEntry): unknown[] {
  return [e.surface, e.reading, e.kind, JSON.stringify(e.misrecognitions), e.enabled ? 1 : 0, e.note, nowIso()];
}

function insert(db: Database, e: TermEntry): number {
  const r = db
    .prepare(
      `INSERT INTO terms (surface, reading, kind, misrecognitions, enabled, note, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...values(e));
  return Number(r.lastInsertRowid);
}

function update(db: Database, id: number, e: TermEntry): void {
  db.prepare(
    `UPDATE terms SET surface = ?, reading = ?, kind = ?, misrecognitions = ?, enabled = ?, note = ?, updated_at = ?
    WHERE id = ?`,
  ).run(...values(e), id);
}

function getTerm(db: Database, id: number): TermEntryRow {
  const r = db.prepare(`SELECT ${COLUMNS} FROM terms WHERE id = ?`).get(id) as TermDbRow | undefined;
  if (!r) throw notFoundError('term', id);
  return toTerm(r);
}

/**
 * merge: entries update the term with the same 表記+よみ or are added; replace: terms not in
 * `entries` are deleted as well (kept terms keep their ids). All or nothing.
 */
export function replaceTerms(db: Database, entries: TermEntry[], mode: 'merge' | 'replace'): { added: number; updated: number } {
  return db.transaction(() => {
    let added = 0;
    let updated = 0;
    const keep = new Set<number>();
    for (const e of entries) {
      const id = findId(db, e.surface, e.reading);
      if (id === null) {
        keep.add(insert(db, e));
        added++;
      } else {
        update(db, id, e);
        keep.add(id);
        updated++;
      }
    }
    if (mode === 'replace') {
      const del = db.prepare('DELETE FROM terms WHERE id = ?');
      for (const { id } of db.prepare('SELECT id FROM terms').all() as { id: number }[]) if (!keep.has(id)) del.run(id);
    }
    return { added, updated };
  })();
}

export function saveTerm(db: Database, entry: TermEntry, id: number | null): TermEntryRow {
  return db.transaction(() => {
    const clash = findId(db, entry.surface, entry.reading);
    if (clash !== null && clash !== id) throw duplicateTermError(entry.surface, entry.reading);
    if (id === null) return getTerm(db, insert(db, entry));
    getTerm(db, id);
    update(db, id, entry);
    return getTerm(db, id);
  })();
}

export function deleteTerm(db: Database, id: number): void {
  const r = db.prepare('DELETE FROM terms WHERE id = ?').run(id);
  if (r.changes === 0) throw notFoundError('term', id);
}
