// Runs every test (compiled by scripts/setup.sh) one file at a time: the
// engine tests use both cores, and parallel files would only slow each other.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'dist', 'test');
const files = [];
(function walk(dir) {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.test.js')) files.push(p);
  }
})(root);
const filter = process.argv[2];
const chosen = filter ? files.filter((f) => f.includes(filter)) : files;
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...chosen], { stdio: 'inherit' });
process.exit(r.status ?? 1);
