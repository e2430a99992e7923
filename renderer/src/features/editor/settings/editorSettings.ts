import { useCallback, useState } from 'react';
import { EDITOR_COMMANDS } from '../commands/editorCommands';

export interface EditorSettings {
  /** how far skip back / forward jumps */
  seekSeconds: number;
  /** per command id, replacing its defaults; absent = defaults */
  shortcuts: Record<string, string[]>;
}

const SETTINGS_KEY = 'gijiroku.editorSettings';
export const DEFAULT_SETTINGS: EditorSettings = { seekSeconds: 3, shortcuts: {} };

function loadSettings(): EditorSettings {
  try {
    const parsed = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<EditorSettings>;
    const seekSeconds = typeof parsed.seekSeconds === 'number' && parsed.seekSeconds > 0 ? parsed.seekSeconds : DEFAULT_SETTINGS.seekSeconds;
    return { seekSeconds, shortcuts: typeof parsed.shortcuts === 'object' && parsed.shortcuts ? parsed.shortcuts : {} };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function useEditorSettings(): [EditorSettings, (next: EditorSettings) => void] {
  const [settings, setSettings] = useState(loadSettings);
  const save = useCallback((next: EditorSettings) => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    setSettings(next);
  }, []);
  return [settings, save];
}

export function shortcutsFor(settings: EditorSettings, commandId: string): string[] {
  return settings.shortcuts[commandId] ?? EDITOR_COMMANDS.find((c) => c.id === commandId)?.defaultShortcuts ?? [];
}

/** shortcut → command id, the user's choices first */
export function shortcutTable(settings: EditorSettings): Map<string, string> {
  const table = new Map<string, string>();
  for (const command of EDITOR_COMMANDS) {
    for (const key of shortcutsFor(settings, command.id)) if (!table.has(key)) table.set(key, command.id);
  }
  return table;
}
