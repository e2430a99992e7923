// Runs every test (compiled by scripts/setup.sh: dist/test, and the page's unit tests in
// dist/renderer-tests/test) one file at a time: the engine tests use both cores, and
// parallel files would only slow each other.
// With GIJIROKU_REQUIRE_ASSETS=1 (set by .ci/run) a test that skips fails the run: in CI
// the corpus, the models, Chromium and root are all there, so a skip means a test did not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const here = import.meta.dirname ?? new URL('.', import.meta.url).pathname;
const dist = join(here, '..', 'dist');
const roots = [join(dist, 'test'), join(dist, 'renderer-tests', 'test')];
const files = [];
function walk(dir) {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.test.js')) files.push(p);
  }
}
for (const root of roots) if (existsSync(root)) walk(root);
// a compiled test whose source is gone (renamed or removed since the last build) is not a test any more
// (only where the sources are: a dist/ on its own is run as it is)
const project = join(here, '..');
const sourcesHere = existsSync(join(project, 'test'));
const hasSource = (file) => {
  // each root ends in test/, as the sources do: dist/test/a/b.test.js ← test/a/b.test.ts
  const root = roots.find((r) => file.startsWith(`${r}/`));
  const base = join(project, relative(dirname(root), file)).replace(/\.js$/, '');
  return existsSync(`${base}.ts`) || existsSync(`${base}.tsx`);
};
const stale = sourcesHere ? files.filter((f) => !hasSource(f)) : [];
for (const f of stale) {
  files.splice(files.indexOf(f), 1);
  rmSync(f, { force: true });
}
if (stale.length > 0) process.stderr.write(`removed ${stale.length} compiled test(s) whose source is gone\n`);
const filter = process.argv[2];
const chosen = filter ? files.filter((f) => f.includes(filter)) : files;
if (chosen.length === 0) {
  // node --test without files would run whatever its default pattern finds under the working folder
  process.stderr.write(`no compiled tests${filter ? ` matching "${filter}"` : ''} under ${dist}: run npm run setup first\n`);
  process.exit(1);
}

const requireAll = process.env['GIJIROKU_REQUIRE_ASSETS'] === '1';
const skipsDir = mkdtempSync(join(tmpdir(), 'gijiroku-skips-'));
const skipsFile = join(skipsDir, 'skipped.jsonl');
// node's own default: spec on a terminal, tap otherwise
const reporter = process.stdout.isTTY ? 'spec' : 'tap';
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    `--test-reporter=${reporter}`,
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(here, 'skipReporter.mjs')}`,
    `--test-reporter-destination=${skipsFile}`,
    ...chosen,
  ],
  { stdio: 'inherit' },
);

let skipped = [];
try {
  skipped = readFileSync(skipsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // no file: nothing was skipped, or the runner died before writing (its status says so)
}
rmSync(skipsDir, { recursive: true, force: true });
if (skipped.length > 0) {
  process.stderr.write(`\n${skipped.length} test(s) skipped:\n`);
  for (const s of skipped)
    process.stderr.write(
      `  ${roots.reduce((f, root) => f.replace(`${root}/`, ''), s.file)}: ${s.name}${s.reason ? ` (${s.reason})` : ''}\n`,
    );
}
if (requireAll && skipped.length > 0) {
  process.stderr.write('GIJIROKU_REQUIRE_ASSETS=1: a skipped test fails the run (the corpus, the models and every tool must be there).\n');
  process.exit(1);
}
process.exit(r.status ?? 1);
