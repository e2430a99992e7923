// Settings in SQLite (migration 7): per user, the council's shared by all, a browser's
// localStorage taken over once, playback positions per user and meeting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { DEFAULT_APP_SETTINGS } from '../../native/common/settings';
import { migrate, schemaVersion, LATEST_VERSION } from '../../native/store/migrations/index';
import { openStore } from '../../native/store/openStore';
import { assertGijirokuError, freshDatabase, HONKAIGI, sampleMeeting, storePath, tempFolder, withStore } from './storeFixtures';

test(
  'nothing stored reads as the defaults',
  withStore((store) => {
    assert.deepEqual(store.getSettings('tanaka'), DEFAULT_APP_SETTINGS);
  }),
);

test(
  "a user's own settings are theirs; the council's model is shared by everyone",
  withStore((store) => {
    const saved = store.saveSettings('tanaka', {
      language: 'en',
      seekSeconds: 5,
      shortcuts: { play: ['F9'] },
      modelPath: '/models/ggml-small.bin',
    });
    assert.deepEqual(saved, {
      ...DEFAULT_APP_SETTINGS,
      language: 'en',
      seekSeconds: 5,
      shortcuts: { play: ['F9'] },
      modelPath: '/models/ggml-small.bin',
    });
    assert.deepEqual(store.getSettings('tanaka'), saved);
    assert.deepEqual(store.getSettings('suzuki'), { ...DEFAULT_APP_SETTINGS, modelPath: '/models/ggml-small.bin' });
    store.saveSettings('suzuki', { inputDeviceId: 'usb-mic' });
    assert.equal(store.getSettings('tanaka').inputDeviceId, '', "a device chosen by one clerk is not another one's");
    // the council's ケバ取り settings are a different thing, and resetting them keeps the model
    store.resetCouncilSettings();
    assert.equal(store.getSettings('suzuki').modelPath, '/models/ggml-small.bin');
  }),
);

test(
  'a change saves only the keys given',
  withStore((store) => {
    store.saveSettings('tanaka', { language: 'en', seekSeconds: 7 });
    store.saveSettings('tanaka', { seekSeconds: 2 });
    assert.deepEqual(store.getSettings('tanaka'), { ...DEFAULT_APP_SETTINGS, language: 'en', seekSeconds: 2 });
  }),
);

test(
  'bad values are refused in both languages and change nothing',
  withStore((store) => {
    store.saveSettings('tanaka', { seekSeconds: 5 });
    const bad: unknown[] = [
      { seekSeconds: 0 },
      { seekSeconds: 31 },
      { language: 'fr' },
      { shortcuts: { play: 'F9' } },
      { shortcuts: { play: ['F1', 'F2', 'F3', 'F4', 'F5'] } },
      { modelPath: 'a\0b' },
      { theme: 'dark' },
      null,
    ];
    for (const changes of bad) {
      assertGijirokuError(() => store.saveSettings('tanaka', changes as never), 'BAD_ARGUMENTS', /設定/, /settings/);
    }
    assert.equal(store.getSettings('tanaka').seekSeconds, 5);
  }),
);

test(
  'a stored value that no longer fits its setting (an older version wrote it) reads as the default',
  withStore((store) => {
    const path = store.path;
    store.saveSettings('tanaka', { language: 'en', seekSeconds: 4 });
    const db = new Database(path);
    db.prepare(`UPDATE user_settings SET value = '"klingon"' WHERE key = 'language'`).run();
    db.prepare(`UPDATE user_settings SET value = 'not json' WHERE key = 'seekSeconds'`).run();
    db.close();
    assert.deepEqual(store.getSettings('tanaka'), DEFAULT_APP_SETTINGS);
  }),
);

test(
  "a browser's saved settings are taken over only where nothing is stored yet, for meetings that exist",
  withStore((store) => {
    const { meetingId } = sampleMeeting(store);
    const other = sampleMeeting(store, { ...HONKAIGI, title: '第2回' }).meetingId;
    store.saveSettings('tanaka', { language: 'en' });
    store.savePlaybackPosition('tanaka', other, 12);
    const after = store.importBrowserSettings('tanaka', {
      language: 'ja',
      seekSeconds: 6,
      modelPath: '/models/ggml-base.bin',
      playbackPositions: [
        [meetingId, 81.5],
        [other, 3],
        [9999, 40],
      ],
    });
    assert.equal(after.language, 'en', 'the value already stored wins');
    assert.equal(after.seekSeconds, 6);
    assert.equal(after.modelPath, '/models/ggml-base.bin');
    assert.equal(store.getPlaybackPosition('tanaka', meetingId), 81.5);
    assert.equal(store.getPlaybackPosition('tanaka', other), 12);
    assert.equal(store.getPlaybackPosition('suzuki', meetingId), 0);
    // a second browser (another port's localStorage) changes nothing that is stored
    store.importBrowserSettings('tanaka', { seekSeconds: 9, playbackPositions: [[meetingId, 1]] });
    assert.equal(store.getSettings('tanaka').seekSeconds, 6);
    assert.equal(store.getPlaybackPosition('tanaka', meetingId), 81.5);
  }),
);

test(
  'playback positions are per user and meeting, and go with the meeting',
  withStore((store) => {
    const { meetingId } = sampleMeeting(store);
    assert.equal(store.getPlaybackPosition('tanaka', meetingId), 0);
    store.savePlaybackPosition('tanaka', meetingId, 95.25);
    store.savePlaybackPosition('suzuki', meetingId, 10);
    store.savePlaybackPosition('tanaka', meetingId, 96);
    assert.equal(store.getPlaybackPosition('tanaka', meetingId), 96);
    assert.equal(store.getPlaybackPosition('suzuki', meetingId), 10);
    assertGijirokuError(() => store.savePlaybackPosition('tanaka', 9999, 1), 'BAD_ARGUMENTS', /見つかりません/);
    assertGijirokuError(() => store.savePlaybackPosition('tanaka', meetingId, -1), 'BAD_ARGUMENTS');
    const db = new Database(store.path);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM playback_positions').get() as { n: number }).n, 0);
    db.close();
  }),
);

test('version 5 → 7: meetings and the council settings stay; settings start from the defaults', () => {
  const folder = tempFolder();
  try {
    const db = freshDatabase(folder.dir);
    migrate(db, 5);
    db.prepare(
      `INSERT INTO meetings (title, body, date, place, created_at, updated_at) VALUES ('旧会議', '本会議', '2024-01-01', '', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO council_settings (key, value, updated_at) VALUES ('minutesStyle', '{"numerals":"kanji"}', 'x')`).run();
    db.close();
    const store = openStore(storePath(folder.dir));
    try {
      assert.equal(store.listMeetings('')[0]?.title, '旧会議');
      assert.equal(store.getCouncilSettings().minutesStyle.numerals, 'kanji');
      assert.deepEqual(store.getSettings('tanaka'), DEFAULT_APP_SETTINGS);
      assert.equal(schemaVersion(new Database(store.path, { readonly: true })), LATEST_VERSION);
    } finally {
      store.close();
    }
  } finally {
    folder.dispose();
  }
});
