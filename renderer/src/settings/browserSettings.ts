// What earlier versions kept in the browser's localStorage, read once so the database can take
// it over (importBrowserSettings) and then forgotten. Values that do not fit are left out.
import type { BrowserSettings, UiLanguage } from '../../../native/common/settings';

/** the part of Storage this needs (window.localStorage in the page) */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'removeItem' | 'key' | 'length'>;

const LANGUAGE = 'gijiroku.lang';
const EDITOR = 'gijiroku.editorSettings';
const MODEL = 'gijiroku.modelPath';
const DEVICE = 'gijiroku.inputDevice';
const POSITION = /^gijiroku\.position\.(\d{1,15})$/;

const LONGEST_DAY_S = 7 * 24 * 3600;

function shortcutTable(value: unknown): Record<string, string[]> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const table: Record<string, string[]> = {};
  for (const [command, keys] of Object.entries(value).slice(0, 200)) {
    if (command.length === 0 || command.length > 100 || !Array.isArray(keys)) continue;
    table[command] = keys.filter((k): k is string => typeof k === 'string' && k.length > 0 && k.length <= 60).slice(0, 4);
  }
  return table;
}

function editorSettings(json: string | null): Pick<BrowserSettings, 'seekSeconds' | 'shortcuts'> {
  if (json === null) return {};
  try {
    const parsed = JSON.parse(json) as { seekSeconds?: unknown; shortcuts?: unknown } | null;
    const seek = parsed?.seekSeconds;
    const shortcuts = shortcutTable(parsed?.shortcuts);
    return {
      ...(typeof seek === 'number' && seek >= 1 && seek <= 30 ? { seekSeconds: seek } : {}),
      ...(shortcuts ? { shortcuts } : {}),
    };
  } catch {
    return {};
  }
}

const text = (value: string | null, longest: number): string | undefined =>
  value !== null && value.length <= longest && !value.includes('\0') ? value : undefined;

/** The settings found, and every key that belongs to them (to remove once they are stored). */
export function readBrowserSettings(storage: KeyValueStorage): { saved: BrowserSettings; keys: string[] } {
  const keys: string[] = [];
  const positions: [number, number][] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === null) continue;
    const position = POSITION.exec(key);
    if (position) {
      keys.push(key);
      const meetingId = Number(position[1]);
      const seconds = Number(storage.getItem(key));
      if (meetingId > 0 && Number.isSafeInteger(meetingId) && seconds > 0 && seconds <= LONGEST_DAY_S) positions.push([meetingId, seconds]);
    } else if (key === LANGUAGE || key === EDITOR || key === MODEL || key === DEVICE) {
      keys.push(key);
    }
  }
  const language = storage.getItem(LANGUAGE);
  const modelPath = text(storage.getItem(MODEL), 4096);
  const inputDeviceId = text(storage.getItem(DEVICE), 500);
  const saved: BrowserSettings = {
    ...(language === 'ja' || language === 'en' ? { language: language satisfies UiLanguage } : {}),
    ...editorSettings(storage.getItem(EDITOR)),
    ...(modelPath !== undefined ? { modelPath } : {}),
    ...(inputDeviceId !== undefined ? { inputDeviceId } : {}),
    ...(positions.length > 0 ? { playbackPositions: positions } : {}),
  };
  return { saved, keys: keys.sort() };
}
