// Tests cannot pass by skipping: under GIJIROKU_REQUIRE_ASSETS=1 (.ci/run) the runner fails a run
// in which any test skipped, and a missing model or corpus file is an error, not a skip.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assetOrSkip, corpusAudio, ROOT, tempDir, testModel } from '../helpers/fixtures';

/** scripts/runTests.mjs over a dist/test of its own holding these test files */
function runTests(tests: Record<string, string>, requireAssets: boolean): { code: number | null; output: string } {
  const dir = tempDir('gijiroku-runner-');
  try {
    for (const f of ['runTests.mjs', 'skipReporter.mjs']) cpSync(join(ROOT, 'scripts', f), join(dir, 'scripts', f));
    mkdirSync(join(dir, 'dist', 'test'), { recursive: true });
    for (const [name, source] of Object.entries(tests)) writeFileSync(join(dir, 'dist', 'test', name), source);
    const env: NodeJS.ProcessEnv = { ...process.env, GIJIROKU_REQUIRE_ASSETS: requireAssets ? '1' : '' };
    // node --test marks its children; a runner started from a test must not think it is one
    delete env['NODE_TEST_CONTEXT'];
    const r = spawnSync(process.execPath, [join(dir, 'scripts', 'runTests.mjs')], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PASSES = `const { test } = require('node:test');\ntest('adds', () => { if (1 + 1 !== 2) throw new Error('no'); });\n`;
const SKIPS = `const { test } = require('node:test');\ntest('reads the corpus', { skip: 'skipped: ../shared/corpus not found' }, () => {});\n`;
const SKIPS_INSIDE = `const { test } = require('node:test');\ntest('needs a tmpfs', (t) => { t.skip('cannot mount'); });\n`;

test('a run with a skipped test passes on a developer machine and names the skip', () => {
  const r = runTests({ 'a.test.js': PASSES, 'b.test.js': SKIPS }, false);
  assert.equal(r.code, 0, r.output);
  assert.match(r.output, /1 test\(s\) skipped:\n {2}b\.test\.js: reads the corpus \(skipped: \.\.\/shared\/corpus not found\)/);
});

test('under GIJIROKU_REQUIRE_ASSETS=1 a skipped test fails the run, however it skipped', () => {
  const r = runTests({ 'a.test.js': PASSES, 'b.test.js': SKIPS, 'c.test.js': SKIPS_INSIDE }, true);
  assert.equal(r.code, 1, r.output);
  assert.match(r.output, /2 test\(s\) skipped:/);
  assert.match(r.output, /c\.test\.js: needs a tmpfs \(cannot mount\)/);
  assert.match(r.output, /GIJIROKU_REQUIRE_ASSETS=1: a skipped test fails the run/);
  const clean = runTests({ 'a.test.js': PASSES }, true);
  assert.equal(clean.code, 0, clean.output);
  assert.doesNotMatch(clean.output, /skipped:/);
});

test('a failing test still fails the run, with or without the variable', () => {
  const fails = `const { test } = require('node:test');\ntest('breaks', () => { throw new Error('broken'); });\n`;
  assert.equal(runTests({ 'a.test.js': fails }, false).code, 1);
  assert.equal(runTests({ 'a.test.js': fails }, true).code, 1);
});

test('a missing model or corpus file is a skip reason, or an error under GIJIROKU_REQUIRE_ASSETS=1', (t) => {
  const saved = { ...process.env };
  t.after(() => {
    for (const k of ['GIJIROKU_REQUIRE_ASSETS', 'GIJIROKU_MODEL', 'GIJIROKU_CORPUS']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  const missing = join(tempDir(), 'ggml-none.bin');
  process.env['GIJIROKU_MODEL'] = missing;
  process.env['GIJIROKU_CORPUS'] = join(tempDir(), 'no-corpus');
  process.env['GIJIROKU_REQUIRE_ASSETS'] = '';
  assert.equal(testModel(), null);
  assert.equal(corpusAudio('m01_honkaigi_kaikai'), null);
  process.env['GIJIROKU_REQUIRE_ASSETS'] = '1';
  assert.throws(() => testModel(), /ggml-none\.bin is missing: skipped: ggml-base-q8_0\.bin not found.*GIJIROKU_REQUIRE_ASSETS=1/);
  assert.throws(() => corpusAudio('m01_honkaigi_kaikai'), /no-corpus\/m01_honkaigi_kaikai\/audio\.flac is missing/);
  const here = join(ROOT, 'package.json');
  assert.equal(assetOrSkip(here, 'never'), here);
  assert.match(readFileSync(join(ROOT, '.ci', 'run'), 'utf8'), /^GIJIROKU_REQUIRE_ASSETS=1 npm test$/m, 'CI sets it');
});
