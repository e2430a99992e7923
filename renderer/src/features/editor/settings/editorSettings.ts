import { useCallback, useMemo } from 'react';
import { DEFAULT_APP_SETTINGS, type AppSettings } from '../../../../../native/common/settings';
import { useNotices } from '../../../components/Notices';
import { useSettings } from '../../../settings/SettingsProvider';
import { EDITOR_COMMANDS } from '../commands/editorCommands';

/** the skip length and the shortcuts: the user's own settings (native/common/settings.ts) */
export type EditorSettings = Pick<AppSettings, 'seekSeconds' | 'shortcuts'>;

export const DEFAULT_SETTINGS: EditorSettings = { seekSeconds: DEFAULT_APP_SETTINGS.seekSeconds, shortcuts: {} };

export function useEditorSettings(): [EditorSettings, (next: EditorSettings) => void] {
  const { settings, save } = useSettings();
  const { reportError } = useNotices();
  const { seekSeconds, shortcuts } = settings;
  const editor = useMemo(() => ({ seekSeconds, shortcuts }), [seekSeconds, shortcuts]);
  const change = useCallback(
    (next: EditorSettings) => {
      save({ seekSeconds: next.seekSeconds, shortcuts: next.shortcuts }).catch(reportError);
    },
    [save, reportError],
  );
  return [editor, change];
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
