// First run on a PC without a model: the app (a copy of the built app in a folder of its own, so the
// project's ../shared/models is out of its reach) shows the first-run screen; choosing a corrupted
// model file shows the mismatch, choosing the real one (a copy) leads to the library with the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, copyFileSync, cpSync, mkdirSync, openSync, readdirSync, rmSync, statSync, symlinkSync, writeSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { NO_MODEL, ROOT, tempDir, testModel } from '../helpers/fixtures';
import { missingAppPieces } from './helpers/appProcess';
import { launchUrl, LAUNCH_LINE } from '../helpers/launchSession';
import { openBrowser } from './helpers/browser';

const model = testModel();
const skip = missingAppPieces() ?? (model ? null : NO_MODEL);

/** `node <install>/scripts/start.mjs --headless` with no model anywhere it looks */
function startInstalled(install: string, dataDir: string): Promise<{ child: ChildProcess; launchFile: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(install, 'scripts', 'start.mjs'), '--headless'], {
      cwd: install,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIJIROKU_DATA_DIR: dataDir, GIJIROKU_MODELS_DIR: join(dataDir, '..', 'no-models'), GIJIROKU_MODEL: '' },
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`app exited (${code}): ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const launchFile = LAUNCH_LINE.exec(out.split('\n')[1] ?? '')?.[1];
      if (launchFile && out.split('\n').length > 2) resolve({ child, launchFile });
    });
  });
}

test(
  'first run without a model: the screen asks for one, refuses a corrupted copy, imports the real one',
  { skip: skip ?? false },
  async () => {
    const dir = tempDir('gijiroku-firstrun-');
    const install = join(dir, 'install', 'Gijiroku');
    for (const part of ['dist/native', 'dist/electron', 'dist/renderer', 'scripts/start.mjs', 'models/manifest.json', 'package.json']) {
      cpSync(join(ROOT, part), join(install, part), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'));
    const usb = join(dir, 'USB');
    mkdirSync(join(usb, 'broken'), { recursive: true });
    copyFileSync(model ?? '', join(usb, 'ggml-base-q8_0.bin'));
    copyFileSync(model ?? '', join(usb, 'broken', 'ggml-base-q8_0.bin'));
    const fd = openSync(join(usb, 'broken', 'ggml-base-q8_0.bin'), 'r+');
    writeSync(fd, Buffer.from([0x33]), 0, 1, 50_000_000);
    closeSync(fd);

    const app = await startInstalled(install, join(dir, 'data'));
    const browser = await openBrowser();
    try {
      const { page } = browser;
      // the launch file's one-time address, as the browser opened by `npm start` follows it
      await page.goto(launchUrl(app.launchFile));
      await page.locator('[data-testid=first-run]').waitFor({ timeout: 10_000 });
      await page.locator('[data-testid=model-file]').setInputFiles(join(usb, 'broken', 'ggml-base-q8_0.bin'));
      await page.locator('.notices', { hasText: '一致しません' }).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('[data-testid=first-run]').count(), 1, 'still asking');
      await page.locator('[data-testid=model-file]').setInputFiles(join(usb, 'ggml-base-q8_0.bin'));
      await page.locator('[data-testid=first-run]').waitFor({ state: 'detached', timeout: 30_000 });
      assert.equal(statSync(join(dir, 'data', 'models', 'ggml-base-q8_0.bin')).size, 81768585, 'the model is in the data folder');
      assert.deepEqual(readdirSync(join(dir, 'data', 'models')), ['ggml-base-q8_0.bin'], 'nothing left of the refused copy');
      assert.deepEqual(
        browser.errors.filter((e) => !/一致しません|does not match|status of 4\d\d/.test(e)),
        [],
      );
    } finally {
      await browser.close();
      app.child.kill('SIGTERM');
      await new Promise((r) => app.child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
