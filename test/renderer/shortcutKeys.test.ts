import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isImeKeyEvent, shortcutOf } from '../../renderer/src/features/editor/commands/shortcutKeys';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}) =>
  shortcutOf({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, altKey: !!mods.alt, shiftKey: !!mods.shift });

test('a shortcut names its modifiers in a fixed order, then the key; letters upper-case, the space bar as Space', () => {
  assert.equal(key('z', { ctrl: true, shift: true }), 'Ctrl+Shift+Z');
  assert.equal(key('ArrowLeft', { alt: true, ctrl: true }), 'Ctrl+Alt+ArrowLeft');
  assert.equal(key(' ', { ctrl: true }), 'Ctrl+Space');
  assert.equal(key('F8'), 'F8');
  assert.equal(key('Escape'), 'Escape');
});

test('Cmd counts as Ctrl, so one table serves Windows and a Mac', () => {
  assert.equal(key('k', { meta: true }), key('k', { ctrl: true }));
});

test('Shift alone with a character is the character (typing), with a named key or another modifier it counts', () => {
  assert.equal(key('A', { shift: true }), 'A');
  assert.equal(key('？', { shift: true }), '？');
  assert.equal(key('F3', { shift: true }), 'Shift+F3');
  assert.equal(key('Enter', { shift: true, ctrl: true }), 'Ctrl+Shift+Enter');
});

test("a modifier pressed alone, an IME's Process key or a dead key is no shortcut", () => {
  for (const k of ['Control', 'Shift', 'Alt', 'Meta', 'Process', 'Unidentified', 'Dead']) assert.equal(key(k, { ctrl: true }), null, k);
});

test('keys that belong to an IME: while composing, or keyCode 229 (Chromium before compositionstart)', () => {
  assert.equal(isImeKeyEvent({ isComposing: true, keyCode: 13 }), true);
  assert.equal(isImeKeyEvent({ isComposing: false, keyCode: 229 }), true);
  assert.equal(isImeKeyEvent({ isComposing: false, keyCode: 27 }), false);
});
