// npm run lint: the process-boundary rule case by case, and the real lint script on a small
// copy of the project's layout that passes, then fails once a boundary or a renderer type breaks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { ROOT, tempDir } from '../helpers/fixtures';

type Boundaries = {
  layerOf(path: string): string | null;
  violation(layer: string, fromFile: string, spec: string): string | null;
};
const boundaries = (): Promise<Boundaries> =>
  import(pathToFileURL(join(ROOT, 'scripts', 'eslint', 'processBoundaries.mjs')).href) as Promise<Boundaries>;

test('each folder is its own layer: native/common, native, the preload, electron main, the page', async () => {
  const { layerOf } = await boundaries();
  assert.equal(layerOf('native/common/api.ts'), 'common');
  assert.equal(layerOf('native/store/openStore.ts'), 'native');
  assert.equal(layerOf('electron/preload.ts'), 'preload');
  assert.equal(layerOf('electron/main.ts'), 'electron');
  assert.equal(layerOf('native/bridge/startBridge.ts'), 'native', 'the bridge runs in plain Node');
  assert.equal(layerOf('native/serving/mediaRange.ts'), 'native', "so does the serving it shares with Electron's protocol handler");
  assert.equal(layerOf('renderer/src/App.tsx'), 'renderer');
  assert.equal(layerOf('renderer/vite.config.ts'), null, 'Vite config runs in Node, not in the page');
  assert.equal(layerOf('test/store/edits.test.ts'), null);
});

test('native/common imports only itself; native/ never electron, electron/ or renderer/', async () => {
  const { violation } = await boundaries();
  const common = join(ROOT, 'native', 'common', 'api.ts');
  assert.equal(violation('common', common, './errors'), null);
  assert.match(violation('common', common, '../store/openStore') ?? '', /imports nothing outside itself/);
  assert.ok(violation('common', common, 'zod'), 'not even a package');
  assert.ok(violation('common', common, 'node:fs'));

  const store = join(ROOT, 'native', 'store', 'openStore.ts');
  assert.equal(violation('native', store, 'node:fs'), null);
  assert.equal(violation('native', store, 'better-sqlite3'), null);
  assert.equal(violation('native', store, '../common/api'), null);
  assert.match(violation('native', store, 'electron') ?? '', /without Electron/);
  assert.ok(violation('native', store, '../../electron/apiIpc'));
  assert.ok(violation('native', store, '../../renderer/src/api/api'));
});

test('the page imports its own files, native/common and packages; never Node, electron or other native/ code', async () => {
  const { violation } = await boundaries();
  const page = join(ROOT, 'renderer', 'src', 'features', 'editor', 'EditorScreen.tsx');
  assert.equal(violation('renderer', page, 'react'), null);
  assert.equal(violation('renderer', page, './state/editSession'), null);
  assert.equal(violation('renderer', page, '../../../../native/common/api'), null);
  assert.match(violation('renderer', page, '../../../../native/store/openStore') ?? '', /only its own files and native\/common/);
  assert.match(violation('renderer', page, 'node:path') ?? '', /Node modules/);
  assert.ok(violation('renderer', page, 'fs'), 'a bare Node module name too');
  assert.ok(violation('renderer', page, 'electron'));
  assert.ok(violation('renderer', page, '../../../vite.config'), 'renderer/ outside src is not the page');
});

test('the bridge and the serving are plain Node: never electron, electron/ or the renderer', async () => {
  const { violation } = await boundaries();
  const bridge = join(ROOT, 'native', 'bridge', 'startBridge.ts');
  assert.equal(violation('native', bridge, '../serving/mediaRange'), null);
  assert.equal(violation('native', bridge, '../app/dispatchApiCall'), null);
  assert.match(violation('native', bridge, 'electron') ?? '', /without Electron/);
  assert.ok(violation('native', bridge, '../../electron/ipcChannels'));
  assert.ok(violation('native', join(ROOT, 'native', 'serving', 'appRequest.ts'), '../../renderer/src/api/api'));
});

test('Electron main may not import the renderer; the preload only electron, native/common and the channel names', async () => {
  const { violation } = await boundaries();
  const main = join(ROOT, 'electron', 'main.ts');
  assert.equal(violation('electron', main, '../native/app/createApiService'), null);
  assert.equal(violation('electron', main, '../native/serving/appRequest'), null, 'main may import the serving it shares with the bridge');
  assert.equal(violation('electron', main, '../native/bridge/startBridgeApp'), null);
  assert.ok(violation('electron', main, '../renderer/src/App'));
  const preload = join(ROOT, 'electron', 'preload.ts');
  assert.equal(violation('preload', preload, 'electron'), null);
  assert.equal(violation('preload', preload, '../native/common/api'), null);
  assert.equal(violation('preload', preload, './ipcChannels'), null);
  assert.ok(violation('preload', preload, './apiIpc'));
  assert.ok(violation('preload', preload, 'node:fs'));
});

/** a small tree with the project's lint set-up, its layout and the packages of this checkout */
function lintTree(): string {
  const dir = tempDir('gijiroku-lint-');
  for (const f of [
    'eslint.config.mjs',
    '.prettierrc.json',
    '.prettierignore',
    'tsconfig.json',
    'package.json',
    'scripts/lint.mjs',
    'scripts/eslint',
    'renderer/tsconfig.json',
    'electron/tsconfig.preload.json',
    'electron/preload.ts',
    'electron/ipcChannels.ts',
    'native/common',
  ]) {
    cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'native/store/rows.ts',
    "import { readFileSync } from 'node:fs';\nexport const rows = (p: string): string => readFileSync(p, 'utf8');\n",
  );
  write(
    'renderer/src/title.ts',
    "import type { MeetingInput } from '../../native/common/api';\nexport const title = (m: MeetingInput): string => m.title;\n",
  );
  return dir;
}

function runLint(dir: string): { code: number | null; output: string } {
  const r = spawnSync(process.execPath, [join(dir, 'scripts', 'lint.mjs')], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

test('npm run lint passes on a clean tree and fails on a boundary broken, on a type error in the renderer and on a file not formatted', () => {
  const dir = lintTree();
  try {
    const clean = runLint(dir);
    assert.equal(clean.code, 0, clean.output);
    assert.match(clean.output, /ok {3}tsc -p renderer\/tsconfig\.json/);
    assert.match(clean.output, /ok {3}eslint \./);
    assert.match(clean.output, /ok {3}prettier --check \./);

    // the page reaches into the store, native/ into Electron, and the page has a type error
    writeFileSync(join(dir, 'renderer/src/rowsInPage.ts'), "import { rows } from '../../native/store/rows';\nexport const r = rows;\n");
    writeFileSync(join(dir, 'native/store/usesElectron.ts'), "import type { App } from 'electron';\nexport type A = App;\n");
    writeFileSync(join(dir, 'renderer/src/count.ts'), "export const count: number = 'three';\n");
    writeFileSync(join(dir, 'native/store/untidy.ts'), 'export const untidy = {a:1};\n');
    const broken = runLint(dir);
    assert.equal(broken.code, 1, broken.output);
    assert.match(
      broken.output,
      /rowsInPage\.ts[\s\S]*'\.\.\/\.\.\/native\/store\/rows': the page imports only its own files and native\/common[\s\S]*gijiroku\/process-boundaries/,
    );
    assert.match(broken.output, /usesElectron\.ts[\s\S]*'electron': native\/ runs without Electron/);
    assert.match(broken.output, /renderer\/src\/count\.ts.*error TS2322/);
    assert.match(broken.output, /FAIL tsc -p renderer\/tsconfig\.json/);
    assert.match(broken.output, /FAIL eslint \./);
    assert.match(broken.output, /native\/store\/untidy\.ts[\s\S]*FAIL prettier --check \./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
