import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { LocalizedText } from '../../../native/common/errors';
import { useSettings } from '../settings/SettingsProvider';
import { dictionary, type Lang, type MessageKey } from './dictionary';

interface I18n {
  lang: Lang;
  /** kept with the user's settings in the database */
  setLang(lang: Lang): Promise<void>;
  t(key: MessageKey): string;
  /** a message that came with both languages (API errors, command labels) */
  pick(text: LocalizedText): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const { settings, save } = useSettings();
  const lang = settings.language;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => save({ language: next }), [save]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key) => dictionary[key][lang],
      pick: (text) => text[lang],
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
