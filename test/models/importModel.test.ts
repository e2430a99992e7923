// First-run model import through the API: the real base model (a copy, as from a USB stick) is
// accepted by its sha256 in models/manifest.json; a copy with one flipped byte is refused, nothing kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createApiService } from '../../native/app/createApiService';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import type { ModelInfo } from '../../native/common/api';
import { openStore } from '../../native/store/openStore';
import { databasePath } from '../../native/app/dataDir';
import { NO_MODEL, tempDir, testModel } from '../helpers/fixtures';

const model = testModel();

test(
  'importModel: the real model is copied in and listed; a corrupted copy is refused with ja/en text and not kept',
  { skip: model ? false : NO_MODEL },
  async () => {
    const dir = tempDir('gijiroku-usb-');
    const usb = join(dir, 'USB');
    const dataDir = join(dir, 'data');
    mkdirSync(usb);
    const good = join(usb, 'ggml-base-q8_0.bin');
    copyFileSync(model ?? '', good);
    const bad = join(usb, 'broken', 'ggml-base-q8_0.bin');
    mkdirSync(join(usb, 'broken'));
    copyFileSync(model ?? '', bad);
    const fd = openSync(bad, 'r+');
    writeSync(fd, Buffer.from([0x5a]), 0, 1, 40_000_000); // one byte in the middle of the weights
    closeSync(fd);

    const store = openStore(databasePath(dataDir));
    // no models anywhere else: as on a fresh PC
    const service = createApiService({
      store,
      dataDir,
      mediaUrl: () => '',
      env: { ...process.env, GIJIROKU_MODELS_DIR: join(dir, 'none') },
    });
    try {
      const refused = await dispatchApiCall(service, 'importModel', [service.grantFile(bad)]);
      assert.ok(!refused.ok, 'the corrupted copy is refused');
      assert.equal(refused.error.code, 'MODEL_INVALID');
      assert.match(refused.error.text.ja, /一致しません.*取り込んでいません/);
      assert.match(refused.error.text.en, /does not match.*Nothing was imported/);
      assert.deepEqual(existsSync(join(dataDir, 'models')) ? readdirSync(join(dataDir, 'models')) : [], [], 'nothing left behind');

      const t0 = Date.now();
      const reply = await dispatchApiCall(service, 'importModel', [service.grantFile(good)]);
      assert.ok(reply.ok, JSON.stringify(reply));
      const info = reply.value as ModelInfo;
      assert.equal(info.path, join(dataDir, 'models', 'ggml-base-q8_0.bin'));
      assert.equal(info.sizeBytes, 81768585);
      const listed = await service.listModels();
      assert.ok(
        listed.some((m) => m.path === info.path),
        'listModels shows it',
      );
      console.log(`# importModel: 82 MB copied and hashed in ${Date.now() - t0} ms`); // measured 819 ms

      const missing = await dispatchApiCall(service, 'importModel', [service.grantFile(join(usb, 'nope.bin'))]);
      assert.ok(!missing.ok && missing.error.code === 'MODEL_NOT_FOUND');
    } finally {
      await service.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
