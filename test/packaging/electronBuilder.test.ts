// electron-builder, offline: the real configuration (electron-builder.yml, validated when loaded) packs an
// unpacked Linux app around a stand-in Electron folder (the Electron zip cannot be downloaded here).
// What a site installs is then checked file by file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/fixtures';

interface BuilderConfig {
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean };
  win: { target: string[] };
  linux: { target: string[] };
  asar: boolean;
  asarUnpack: string[];
}

// js-yaml comes with electron-builder (a dev dependency)
const yaml = require('js-yaml') as { load(s: string): unknown };
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

test('installers: NSIS per user without elevation, portable, AppImage and deb; native modules outside the asar', () => {
  assert.deepEqual(
    config.nsis && { oneClick: config.nsis.oneClick, perMachine: config.nsis.perMachine, allowElevation: config.nsis.allowElevation },
    { oneClick: false, perMachine: false, allowElevation: false },
  );
  assert.deepEqual(config.win.target, ['nsis', 'portable']);
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  assert.equal(config.asar, true);
  for (const m of ['better-sqlite3', 'sherpa-onnx-node', 'node-av', '@seydx'])
    assert.ok(
      config.asarUnpack.some((p) => p.includes(m)),
      m,
    );
});

const built =
  existsSync(join(ROOT, 'dist', 'renderer', 'index.html')) &&
  existsSync(join(ROOT, 'native', 'whisper', 'bin', 'linux-x64-avx2', 'whisper-cli'));

test(
  'electron-builder --linux dir (offline, stand-in Electron): app.asar holds the code and the page; resources hold whisper-cli, the decoder, the manifest',
  { skip: built ? false : 'skipped: run the set-up first (dist/renderer and whisper-cli are packaged)' },
  () => {
    const dir = tempDir('gijiroku-pack-');
    const electronDist = join(dir, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho stand-in for the Electron binary\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    writeFileSync(join(electronDist, 'LICENSE'), 'MIT');
    const out = join(dir, 'out');
    const t0 = Date.now();
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${out}`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /loaded configuration\s+file=.*electron-builder\.yml/);
    const ms = Date.now() - t0; // measured 13 s here

    const res = join(out, 'linux-unpacked', 'resources');
    const asar = require('@electron/asar') as { listPackage(p: string, o?: object): string[]; extractFile(p: string, f: string): Buffer };
    const files = asar.listPackage(join(res, 'app.asar')).map((f) => f.replace(/\\/g, '/'));
    for (const f of [
      '/dist/electron/main.js',
      '/dist/electron/preload.js',
      '/dist/native/app/createApiService.js',
      '/dist/renderer/index.html',
      '/bin/gijiroku.js',
      '/package.json',
    ]) {
      assert.ok(files.includes(f), `${f} in app.asar`);
    }
    assert.ok(
      files.some((f) => f.startsWith('/dist/renderer/assets/') && f.endsWith('.js')),
      'the built page',
    );
    const pkg = JSON.parse(asar.extractFile(join(res, 'app.asar'), 'package.json').toString()) as { main: string };
    assert.equal(pkg.main, 'dist/electron/main.js');
    const unwanted = files.filter((f) =>
      /\.map$|\.d\.ts$|^\/dist\/(test|bench)\/|^\/(test|renderer\/src|native|electron|scripts|bench)\/|^\/node_modules\/(nodejs-whisper|typescript|vite|electron|playwright-core|werift|@ffmpeg-installer)\//.test(
        f,
      ),
    );
    assert.deepEqual(unwanted, [], 'no tests, sources, source maps, dev tools, the 2018 ffmpeg or the unused WebRTC helper in app.asar');

    for (const f of [
      'whisper/linux-x64-avx2/whisper-cli',
      'whisper/linux-x64-noavx/whisper-cli',
      'models/manifest.json',
      'app.asar.unpacked/node_modules/@seydx/node-av-linux-x64/node-av.node',
      'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ]) {
      assert.ok(existsSync(join(res, f)), `resources/${f}`);
    }
    assert.ok((statSync(join(res, 'whisper/linux-x64-avx2/whisper-cli')).mode & 0o111) !== 0, 'whisper-cli stays executable');
    assert.ok(existsSync(join(res, 'app.asar.unpacked', 'node_modules', 'sherpa-onnx-node')), 'sherpa-onnx-node unpacked');
    assert.equal(existsSync(join(res, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/test_extension.node')), false);
    // the packaged decoder loads from the unpacked folder (N-API: the same binary under Electron's Node)
    const decoder = spawnSync(
      process.execPath,
      [
        '-e',
        `const av = require('node:module').createRequire(${JSON.stringify(join(res, 'app.asar.unpacked', 'x.js'))})('node-av/lib'); process.stdout.write(String(av.Codec.findDecoderByName('aac') !== null))`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(decoder.stdout, 'true', `the packaged decoder loads: ${decoder.stderr}`);
    const sizeMb = (p: string): number => Math.round(statSync(p).size / 1e6);
    console.log(
      `# electron-builder --linux dir: ${(ms / 1000).toFixed(1)} s; app.asar ${sizeMb(join(res, 'app.asar'))} MB, ${files.length} entries`,
    );
    rmSync(dir, { recursive: true, force: true });
  },
);
