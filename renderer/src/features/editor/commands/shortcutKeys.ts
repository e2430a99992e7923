/**
 * Shortcuts are strings such as "Ctrl+Shift+Z", "F8", "Escape": modifiers in a fixed
 * order, then the key (letters upper-case, the space bar as "Space"). Cmd counts as Ctrl.
 */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string | null {
  if (['Control', 'Shift', 'Alt', 'Meta', 'Process', 'Unidentified', 'Dead'].includes(e.key)) return null;
  let key = e.key === ' ' ? 'Space' : e.key;
  if (key.length === 1) key = key.toUpperCase();
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && (key.length > 1 || parts.length > 0)) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/** An IME is converting: such keys belong to the IME and must never run a command. */
export function isImeKeyEvent(e: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return e.isComposing || e.keyCode === 229;
}
