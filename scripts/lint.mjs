// `npm run lint`: type-checks every tsconfig of the project (the root one builds dist/, the
// others only check: the page, the preload), runs ESLint with the process-boundary rules and checks
// the formatting (Prettier; `npx prettier --write .` fixes it).
// Every step runs even when one fails, so one run shows everything; the exit code is 1 if any failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const root = process.cwd();
const require = createRequire(join(root, 'package.json'));
/** a package's command, from its package.json `bin` (packages may not export their bin files) */
function bin(pkg, name) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath);
  return join(dirname(manifestPath), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]);
}
const tsc = bin('typescript', 'tsc');
const eslint = bin('eslint', 'eslint');
const prettier = bin('prettier', 'prettier');
const SKIP = new Set(['node_modules', 'dist', 'out', '.git']);

function tsconfigs(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) found.push(...tsconfigs(join(dir, entry.name)));
    else if (entry.isFile() && /^tsconfig(\..+)?\.json$/.test(entry.name)) found.push(join(dir, entry.name));
  }
  return found;
}

const steps = [
  ...tsconfigs(root).map((config) => ({ name: `tsc -p ${relative(root, config) || '.'}`, args: [tsc, '-p', config, '--pretty', 'false'] })),
  { name: 'eslint .', args: [eslint, '--max-warnings', '0', '.'] },
  { name: 'prettier --check .', args: [prettier, '--check', '--log-level', 'warn', '.'] },
];

const failed = [];
for (const step of steps) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, step.args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed.push(step.name);
  process.stderr.write(`[lint] ${ok ? 'ok  ' : 'FAIL'} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}
if (failed.length > 0) {
  process.stderr.write(`[lint] failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
