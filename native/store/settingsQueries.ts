// Settings by scope (native/common/settings.ts): a user's own in user_settings, the council's
// in council_settings, one JSON value per key; a key never saved, or whose value no longer fits
// its schema, reads as the default. Playback positions per user and meeting.
import type { Database } from 'better-sqlite3';
import { DEFAULT_APP_SETTINGS, SETTING_SCOPES, type AppSettings, type BrowserSettings, type SettingScope } from '../common/settings';
import { meetingRow } from './meetingQueries';
import { SETTING_SCHEMAS } from './settingsInput';
import { nowIso } from './storeRows';

type Key = keyof AppSettings;
const KEYS = Object.keys(SETTING_SCOPES) as Key[];
const keysOf = (scope: SettingScope): Key[] => KEYS.filter((k) => SETTING_SCOPES[k] === scope);
const marks = (keys: Key[]): string => keys.map(() => '?').join(', ');

/** the JSON stored for each key, each read from its own scope */
function storedValues(db: Database, user: string): Map<string, string> {
  const userKeys = keysOf('user');
  const councilKeys = keysOf('council');
  const rows = [
    ...db.prepare(`SELECT key, value FROM user_settings WHERE user = ? AND key IN (${marks(userKeys)})`).all(user, ...userKeys),
    ...db.prepare(`SELECT key, value FROM council_settings WHERE key IN (${marks(councilKeys)})`).all(...councilKeys),
  ] as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

function parsed<K extends Key>(key: K, json: string | undefined): AppSettings[K] | undefined {
  if (json === undefined) return undefined;
  try {
    const r = SETTING_SCHEMAS[key].safeParse(JSON.parse(json));
    return r.success ? (r.data as AppSettings[K]) : undefined;
  } catch {
    return undefined;
  }
}

export function getAppSettings(db: Database, user: string): AppSettings {
  const stored = storedValues(db, user);
  const settings = { ...DEFAULT_APP_SETTINGS, shortcuts: {} } as AppSettings;
  for (const key of KEYS) {
    const value = parsed(key, stored.get(key));
    if (value !== undefined) (settings as Record<Key, unknown>)[key] = value;
  }
  return settings;
}

function putAll(db: Database, user: string, changes: Partial<AppSettings>): void {
  const at = nowIso();
  const putUser = db.prepare(`INSERT INTO user_settings (user, key, value, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (user, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const putCouncil = db.prepare(`INSERT INTO council_settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  for (const key of KEYS) {
    if (changes[key] === undefined) continue;
    const value = JSON.stringify(changes[key]);
    if (SETTING_SCOPES[key] === 'user') putUser.run(user, key, value, at);
    else putCouncil.run(key, value, at);
  }
}

/** `changes` is validated by the caller; all of them in one transaction */
export function saveAppSettings(db: Database, user: string, changes: Partial<AppSettings>): AppSettings {
  db.transaction(() => putAll(db, user, changes))();
  return getAppSettings(db, user);
}

/** What a browser kept, taken over only where this user (or the council) has nothing stored yet; positions of meetings that are gone are left out. */
export function importBrowserSettings(db: Database, user: string, saved: BrowserSettings): AppSettings {
  db.transaction(() => {
    const stored = storedValues(db, user);
    const missing: Partial<AppSettings> = {};
    for (const key of KEYS) {
      if (saved[key] !== undefined && !stored.has(key)) (missing as Record<Key, unknown>)[key] = saved[key];
    }
    putAll(db, user, missing);
    const put = db.prepare(`INSERT INTO playback_positions (user, meeting_id, seconds, updated_at)
      SELECT ?, id, ?, ? FROM meetings WHERE id = ? ON CONFLICT (user, meeting_id) DO NOTHING`);
    const at = nowIso();
    for (const [meetingId, seconds] of saved.playbackPositions ?? []) put.run(user, seconds, at, meetingId);
  })();
  return getAppSettings(db, user);
}

export function getPlaybackPosition(db: Database, user: string, meetingId: number): number {
  meetingRow(db, meetingId);
  const row = db.prepare('SELECT seconds FROM playback_positions WHERE user = ? AND meeting_id = ?').get(user, meetingId) as
    { seconds: number } | undefined;
  return row?.seconds ?? 0;
}

export function savePlaybackPosition(db: Database, user: string, meetingId: number, seconds: number): void {
  meetingRow(db, meetingId);
  db.prepare(
    `INSERT INTO playback_positions (user, meeting_id, seconds, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (user, meeting_id) DO UPDATE SET seconds = excluded.seconds, updated_at = excluded.updated_at`,
  ).run(user, meetingId, seconds, nowIso());
}
