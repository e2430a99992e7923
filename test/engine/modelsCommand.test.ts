import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModelHeader } from '../../native/models/readModelHeader';
import { NO_MODEL, runCli, tempDir, testModel } from '../helpers/fixtures';

const model = testModel();

test('gijiroku models lists the models found, with size and languages', { skip: model ? false : NO_MODEL }, async () => {
  const r = await runCli(['models'], { GIJIROKU_MODEL: model ?? '' });
  assert.equal(r.code, 0, r.stderr);
  const line = r.stdout.split('\n').find((l) => l.startsWith('base-q8_0'));
  assert.ok(line, r.stdout);
  assert.match(line, /\t81\.8 MB\tbase\tmultilingual/);
  assert.doesNotMatch(r.stdout, /silero/);
});

test('a model header tells family and languages; a wrong file is refused', { skip: model ? false : NO_MODEL }, () => {
  const h = readModelHeader(model ?? '');
  assert.equal(h.family, 'base');
  assert.equal(h.multilingual, true);
  const bad = join(tempDir(), 'not-a-model.bin');
  writeFileSync(bad, Buffer.alloc(2_000_000, 1));
  assert.throws(() => readModelHeader(bad), { code: 'MODEL_INVALID' });
  assert.throws(() => readModelHeader(join(tempDir(), 'missing.bin')), { code: 'MODEL_NOT_FOUND' });
});
