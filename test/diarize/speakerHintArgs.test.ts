import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/fixtures';

test('--speaker-hint takes a whole number and needs --speakers auto (exit 2, both languages)', async () => {
  const out = join(tempDir(), 'x.json');
  for (const args of [
    ['--speaker-hint', '3'],
    ['--speakers', 'auto', '--speaker-hint', 'many'],
    ['--speakers', 'auto', '--speaker-hint', '0'],
  ]) {
    const r = await runCli(['transcribe', 'meeting.wav', ...args, '--json', out]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /--speaker-hint/);
    assert.match(r.stderr, /[ぁ-ん]/, 'Japanese first');
  }
});
