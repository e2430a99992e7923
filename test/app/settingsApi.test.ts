// Settings through the API as the page calls it: validated arguments, each OS account its own,
// the council's shared, kept across a restart of the service on the same data folder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { DEFAULT_APP_SETTINGS } from '../../native/common/settings';
import { tempDir } from '../helpers/fixtures';
import { withService } from '../helpers/service';

test("each account has its own settings and shares the council's; both outlive the service", async () => {
  const dataDir = tempDir();
  await withService(
    async ({ service }) => {
      assert.deepEqual(await service.getSettings(), DEFAULT_APP_SETTINGS);
      const saved = await dispatchApiCall(service, 'saveSettings', [
        { language: 'en', seekSeconds: 5, modelPath: '/models/ggml-base-q8_0.bin' },
      ]);
      assert.ok(saved.ok);
    },
    { dataDir, user: 'tanaka' },
  );
  await withService(
    async ({ service }) => {
      assert.deepEqual(await service.getSettings(), { ...DEFAULT_APP_SETTINGS, modelPath: '/models/ggml-base-q8_0.bin' });
    },
    { dataDir, user: 'suzuki' },
  );
  await withService(
    async ({ service }) => {
      const back = await service.getSettings();
      assert.deepEqual([back.language, back.seekSeconds], ['en', 5]);
    },
    { dataDir, user: 'tanaka' },
  );
});

test('bad settings from the page are refused before the store sees them, in Japanese and English', async () => {
  await withService(async ({ service, store }) => {
    const meeting = store.createMeeting({ title: '本会議', body: '', date: '2024-06-01', place: '' }, { path: '/r/a.flac', durationS: 60 });
    for (const [method, args] of [
      ['saveSettings', [{ seekSeconds: '5' }]],
      ['saveSettings', [{ language: 'en', extra: true }]],
      ['importBrowserSettings', [{ playbackPositions: [[0, 5]] }]],
      ['savePlaybackPosition', [meeting.id, -3]],
      ['getPlaybackPosition', ['1']],
    ] as const) {
      const r = await dispatchApiCall(service, method, args);
      assert.ok(!r.ok && r.error.code === 'BAD_ARGUMENTS', `${method} ${JSON.stringify(args)}`);
      assert.match(r.error.text.ja, /入力内容が正しくありません/);
    }
    assert.ok((await dispatchApiCall(service, 'savePlaybackPosition', [meeting.id, 61.5])).ok);
    assert.deepEqual(await dispatchApiCall(service, 'getPlaybackPosition', [meeting.id]), { ok: true, value: 61.5 });
  });
});
