import { useEffect, useMemo, useRef } from 'react';
import { shortcutTable, type EditorSettings } from '../settings/editorSettings';
import { EDITOR_COMMANDS, type EditorCommandContext } from './editorCommands';
import { isImeKeyEvent, shortcutOf } from './shortcutKeys';

/** Enter typed into a form field (the find bar, a dialog) is the field's, not a command's; the transcript's lines are not such fields. */
function belongsToField(shortcut: string, target: EventTarget | null): boolean {
  if (shortcut !== 'Enter' && shortcut !== 'Shift+Enter') return false;
  if (!(target instanceof HTMLElement)) return false;
  const field = target.closest('input, textarea, select, [contenteditable="true"]');
  return field !== null && !(field instanceof HTMLTextAreaElement && field.dataset['segmentId']);
}

/**
 * One keydown listener for the whole editor, in the capture phase so that e.g. Ctrl+Z
 * reaches the server-side undo instead of the textarea's own. While a dialog is open
 * (`suspended`), keys belong to the dialog.
 */
export function useShortcutHandler(settings: EditorSettings, ctx: EditorCommandContext, suspended: boolean): void {
  const table = useMemo(() => shortcutTable(settings), [settings]);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  useEffect(() => {
    if (suspended) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isImeKeyEvent(e)) return;
      const shortcut = shortcutOf(e);
      const commandId = shortcut ? table.get(shortcut) : undefined;
      const command = commandId ? EDITOR_COMMANDS.find((c) => c.id === commandId) : undefined;
      if (!command || (command.when && !command.when(ctxRef.current))) return;
      if (belongsToField(shortcut!, e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      command.run(ctxRef.current);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [table, suspended]);
}
