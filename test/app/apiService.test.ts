import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meeting } from '../../native/common/api';
import { corpusAudio, NO_CORPUS, testModel } from '../helpers/fixtures';
import { withService } from '../helpers/service';
import { MEETING } from './appFixtures';

const audio = corpusAudio('m03_kotsu_chiibasu');

async function rejectsWith(p: Promise<unknown>, code: string): Promise<{ ja: string; en: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; text?: { ja: string; en: string } };
    assert.equal(err.code, code, `expected ${code}, got ${String(err.code)}: ${String(err.text?.en ?? e)}`);
    assert.ok(err.text?.ja && err.text.en);
    return err.text;
  }
  assert.fail(`expected a ${code} error`);
}

test(
  'createMeeting reads the duration from the header; a moved file shows present: false until relinked',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    await withService(async ({ service, dataDir }) => {
      const folder = join(dataDir, '録音');
      mkdirSync(folder);
      const original = join(folder, '交通対策特別委員会.flac');
      copyFileSync(audio ?? '', original);

      const started = Date.now();
      const created = await service.createMeeting(MEETING, original);
      assert.ok(Date.now() - started < 5000, 'no decoding on import');
      assert.equal(created.title, MEETING.title);
      assert.equal(created.media?.path, original);
      assert.ok(Math.abs((created.media?.durationS ?? 0) - 90.83) < 0.1, `duration ${created.media?.durationS}`);
      assert.equal(created.media?.present, true);
      assert.equal((await service.getMeeting(created.id)).media?.present, true);
      assert.equal(await service.mediaUrl(created.id), `http://127.0.0.1:1/media/${created.id}`);

      const moved = join(folder, '移動後.flac');
      renameSync(original, moved);
      const gone: Meeting = await service.getMeeting(created.id);
      assert.equal(gone.media?.present, false);
      const text = await rejectsWith(service.startTranscription(created.id, testModel() ?? '/no/model.bin'), 'INPUT_NOT_FOUND');
      assert.match(text.ja, /見つかりません/);

      await rejectsWith(service.relinkMedia(created.id, join(folder, 'まだない.flac')), 'INPUT_NOT_FOUND');
      const relinked = await service.relinkMedia(created.id, moved);
      assert.equal(relinked.media?.path, moved);
      assert.equal(relinked.media?.present, true);
      assert.equal((await service.listMeetings('')).length, 1);
    });
  },
);

test('createMeeting refuses what is not a recording, in Japanese and English', async () => {
  await withService(async ({ service, dataDir }) => {
    await rejectsWith(service.createMeeting(MEETING, join(dataDir, 'ない.wav')), 'INPUT_NOT_FOUND');
    mkdirSync(join(dataDir, 'フォルダ'));
    await rejectsWith(service.createMeeting(MEETING, join(dataDir, 'フォルダ')), 'INPUT_IS_DIRECTORY');
    const empty = join(dataDir, 'empty.wav');
    writeFileSync(empty, '');
    await rejectsWith(service.createMeeting(MEETING, empty), 'INPUT_EMPTY');
    const text = join(dataDir, 'memo.mp3');
    writeFileSync(text, '議事録のメモです。これは音声ではありません。\n'.repeat(100));
    await rejectsWith(service.createMeeting(MEETING, text), 'INPUT_CORRUPT');
    assert.deepEqual(await service.listMeetings(''), [], 'nothing stored for refused files');
  });
});

test(
  'listModels lists the models found; startTranscription refuses a model that is not one',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    await withService(async ({ service, dataDir }) => {
      const models = await service.listModels();
      const model = testModel();
      if (model)
        assert.ok(
          models.some((m) => m.path === model && m.sizeBytes > 1e6 && m.name === 'base-q8_0'),
          JSON.stringify(models),
        );
      const meeting = await service.createMeeting(MEETING, service.grantFile(audio ?? ''));
      await rejectsWith(service.startTranscription(meeting.id, join(dataDir, 'ggml-none.bin')), 'MODEL_NOT_FOUND');
      const fake = join(dataDir, 'ggml-fake.bin');
      writeFileSync(fake, Buffer.alloc(2_000_000, 1));
      await rejectsWith(service.startTranscription(meeting.id, fake), 'MODEL_INVALID');
      assert.deepEqual(await service.listJobs(), []);
    });
  },
);
