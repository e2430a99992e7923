// Numbered migrations, tracked by PRAGMA user_version. Append-only: a released
// migration is never edited; a change to the schema is a new file here.
import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-full-text-search';
import * as m0003 from './0003-terms';
import * as m0004 from './0004-corrections-and-council-settings';
import * as m0005 from './0005-voices';
import * as m0006 from './0006-unheard-segments';
import * as m0007 from './0007-settings';
import * as m0008 from './0008-review-stretches';
import * as m0009 from './0009-secure-delete';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database from its version up to `target` (default: the latest), one transaction
 * per migration so a failure leaves the previous version intact. Foreign keys are off meanwhile
 * (table rebuilds need it; SQLite ignores the pragma inside a transaction) and checked afterwards.
 */
export function migrate(db: Database, target: number = LATEST_VERSION): void {
  const from = schemaVersion(db);
  if (from >= target) return;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > target) continue;
      db.transaction(() => {
        m.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${m.version}-${m.name} broke ${broken.length} foreign keys`);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
