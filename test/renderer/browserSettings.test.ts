import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBrowserSettings, type KeyValueStorage } from '../../renderer/src/settings/browserSettings';

/** The Web Storage interface over a Map, as a page's localStorage behaves (keys in insertion order). */
class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();
  constructor(entries: Record<string, string>) {
    for (const [k, v] of Object.entries(entries)) this.items.set(k, v);
  }
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

test('what an earlier version kept is read as settings, with every key to remove afterwards', () => {
  const storage = new MemoryStorage({
    'gijiroku.lang': 'en',
    'gijiroku.editorSettings': JSON.stringify({ seekSeconds: 5, shortcuts: { undo: ['Ctrl+Z', 'F9'] } }),
    'gijiroku.modelPath': '/models/ggml-base-q8_0.bin',
    'gijiroku.inputDevice': 'usb-mic-1',
    'gijiroku.position.12': '81.5',
    'gijiroku.position.3': '0',
    'other.app': 'x',
  });
  const { saved, keys } = readBrowserSettings(storage);
  assert.deepEqual(saved, {
    language: 'en',
    seekSeconds: 5,
    shortcuts: { undo: ['Ctrl+Z', 'F9'] },
    modelPath: '/models/ggml-base-q8_0.bin',
    inputDeviceId: 'usb-mic-1',
    playbackPositions: [[12, 81.5]],
  });
  assert.deepEqual(
    keys,
    [
      'gijiroku.editorSettings',
      'gijiroku.inputDevice',
      'gijiroku.lang',
      'gijiroku.modelPath',
      'gijiroku.position.12',
      'gijiroku.position.3',
    ],
    'a position of 0 is nothing to keep, but its key goes',
  );
});

test('nothing kept: nothing to take over and no key to remove', () => {
  assert.deepEqual(readBrowserSettings(new MemoryStorage({ 'other.app': 'x' })), { saved: {}, keys: [] });
});

test('values that do not fit are left out, so the database refuses nothing', () => {
  const { saved, keys } = readBrowserSettings(
    new MemoryStorage({
      'gijiroku.lang': 'fr',
      'gijiroku.editorSettings': '{"seekSeconds": 0, "shortcuts": {"undo": "Ctrl+Z", "redo": ["", "Ctrl+Y", 5]}}',
      'gijiroku.modelPath': 'a\0b',
      'gijiroku.position.x': '12',
      'gijiroku.position.7': 'NaN',
    }),
  );
  assert.deepEqual(saved, { shortcuts: { redo: ['Ctrl+Y'] } });
  assert.deepEqual(keys, ['gijiroku.editorSettings', 'gijiroku.lang', 'gijiroku.modelPath', 'gijiroku.position.7']);
  assert.deepEqual(readBrowserSettings(new MemoryStorage({ 'gijiroku.editorSettings': 'not json' })).saved, {});
});
