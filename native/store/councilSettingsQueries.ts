// The council's settings: ケバ取り rules and the 会議録 house style, one JSON value per key.
// A key never saved reads as the default, so a new install starts from DEFAULT_CLEANUP_RULES.
import type { Database } from 'better-sqlite3';
import type { CleanupRuleSetting, CouncilSettings, MinutesStyleSetting } from '../common/api';
import { DEFAULT_CLEANUP_RULES } from '../cleanup/cleanupRules';
import { DEFAULT_MINUTES_STYLE } from '../export/minutes/minutesModel';
import { nowIso } from './storeRows';

export function defaultCouncilSettings(): CouncilSettings {
  return {
    cleanupRules: DEFAULT_CLEANUP_RULES.map((r) => ({ ...r })),
    minutesStyle: { ...DEFAULT_MINUTES_STYLE },
  };
}

function readValue<T>(db: Database, key: string): T | null {
  const row = db.prepare('SELECT value FROM council_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function getCouncilSettings(db: Database): CouncilSettings {
  const defaults = defaultCouncilSettings();
  const style = readValue<Partial<MinutesStyleSetting>>(db, 'minutesStyle');
  return {
    cleanupRules: readValue<CleanupRuleSetting[]>(db, 'cleanupRules') ?? defaults.cleanupRules,
    // a key added to the style later keeps its default for councils that saved before
    minutesStyle: { ...defaults.minutesStyle, ...style },
  };
}

/** Every value in one transaction; `settings` is validated by the caller. */
export function saveCouncilSettings(db: Database, settings: CouncilSettings): CouncilSettings {
  const put = db.prepare(`INSERT INTO council_settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  db.transaction(() => {
    const at = nowIso();
    put.run('cleanupRules', JSON.stringify(settings.cleanupRules), at);
    put.run('minutesStyle', JSON.stringify(settings.minutesStyle), at);
  })();
  return getCouncilSettings(db);
}

export function resetCouncilSettings(db: Database): CouncilSettings {
  db.prepare("DELETE FROM council_settings WHERE key IN ('cleanupRules', 'minutesStyle')").run();
  return getCouncilSettings(db);
}
