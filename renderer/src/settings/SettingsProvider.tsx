import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { GijirokuApi } from '../../../native/common/api';
import { DEFAULT_APP_SETTINGS, type AppSettings } from '../../../native/common/settings';
import { api } from '../api/api';
import { readBrowserSettings, type KeyValueStorage } from './browserSettings';

interface SettingsApi {
  settings: AppSettings;
  /** shown at once, stored in the database (the returned promise fails if it was not) */
  save(changes: Partial<AppSettings>): Promise<void>;
}

const SettingsContext = createContext<SettingsApi | null>(null);

/** The stored settings; what an earlier version kept in localStorage is handed to the database once, then removed. */
export async function loadSettings(
  service: Pick<GijirokuApi, 'getSettings' | 'importBrowserSettings'>,
  storage: KeyValueStorage,
): Promise<AppSettings> {
  const { saved, keys } = readBrowserSettings(storage);
  if (keys.length === 0) return service.getSettings();
  const settings = await service.importBrowserSettings(saved);
  for (const key of keys) storage.removeItem(key);
  return settings;
}

/** Reads the settings before the app is shown (one local call), so the first screen is already in the clerk's language. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  useEffect(() => {
    loadSettings(api, localStorage).then(setSettings, (e: unknown) => {
      // the app still opens; the screens report the service's problem when they call it
      console.error(e);
      setSettings({ ...DEFAULT_APP_SETTINGS });
    });
  }, []);
  const save = useCallback(async (changes: Partial<AppSettings>) => {
    setSettings((current) => (current ? { ...current, ...changes } : current));
    try {
      setSettings(await api.saveSettings(changes));
    } catch (e) {
      // show what is really stored, not what failed to be
      api.getSettings().then(setSettings, () => undefined);
      throw e;
    }
  }, []);
  const value = useMemo(() => (settings ? { settings, save } : null), [settings, save]);
  if (!value) return null;
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
