// npm start: the desktop app when the Electron binary is installed; otherwise
// the same app through the local bridge in the system browser.
//   node scripts/start.mjs [--headless] [--port N]
// The token never goes on a command line (any local account can read those) or into a URL: the
// browser is given a launch file only this user can read, which opens the page with a one-time code.
// stdout: `Gijiroku: http://127.0.0.1:PORT/`, then `Launch: <launch file>` (tests and scripts read both;
// --headless: no browser is opened, and the launch file waits for whoever opens it).
// SIGINT/SIGTERM stop cleanly; a running job keeps its checkpoint.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values: opts } = parseArgs({
  options: { headless: { type: 'boolean', default: false }, port: { type: 'string' } },
  allowPositionals: false,
});

/** the Electron binary's path, or null: without its download `require('electron')` throws */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** opens the launch file (a path, not the code, is what other accounts can see in the process list) */
function openBrowser(file) {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', file]]
      : process.platform === 'darwin'
        ? ['open', [file]]
        : ['xdg-open', [file]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser to open: the launch file is printed
  }
}

const electron = opts.headless ? null : electronBinary();
if (electron) {
  const child = spawn(electron, [join(root, 'dist', 'electron', 'main.js')], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { startBridgeApp } = require(join(root, 'dist', 'native', 'bridge', 'startBridgeApp.js'));
  const { appDataDir } = require(join(root, 'dist', 'native', 'app', 'dataDir.js'));
  const port = opts.port === undefined ? 0 : Number(opts.port);
  const dataDir = appDataDir();
  let app;
  let launchFile;
  try {
    app = await startBridgeApp({ dataDir, staticDir: join(root, 'dist', 'renderer'), port });
    launchFile = app.bridge.launch.writeLaunchFile(dataDir);
  } catch (e) {
    const t = e && typeof e === 'object' && e.text ? e.text : null;
    process.stderr.write(
      t ? `エラー: ${t.ja}\nError: ${t.en}\n` : `エラー: 起動できませんでした。\nError: could not start (${e?.message ?? e}).\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Gijiroku: ${app.bridge.origin}/\nLaunch: ${launchFile}\n`);
  if (!opts.headless) {
    process.stderr.write(
      'ブラウザで開いています。終了するには Ctrl+C を押してください。/ Opening in your browser; press Ctrl+C to stop.\n',
    );
    openBrowser(launchFile);
  } else {
    process.stderr.write(
      '画面を開くには、上の Launch のファイルをブラウザで開いてください（1 回限り）。/ To open the page, open the Launch file above in a browser (works once).\n',
    );
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    app.close().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`gijiroku: shutdown: ${e?.message ?? e}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
