// Starts the real app as a user would (`node scripts/start.mjs --headless`) on its own
// data folder, reads its address and launch file from the lines it prints, and redeems the launch
// file's one-time code for the session, as the browser does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { ROOT } from '../../helpers/fixtures';
import { FIRST_LINE, LAUNCH_LINE, redeemLaunchFile, SESSION_COOKIE } from '../../helpers/launchSession';

export interface RunningApp {
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  dataDir: string;
  close(): Promise<void>;
  /** what the app wrote to stderr so far, for failure messages */
  stderr(): string;
  /** kill -9, as a crash or power cut would end it */
  kill9(): Promise<void>;
}

export const START_SCRIPT = join(ROOT, 'scripts', 'start.mjs');
export const RENDERER_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');

/** Why the UI tests cannot run here, or null. */
export function missingAppPieces(): string | null {
  if (!existsSync(START_SCRIPT)) return 'skipped: scripts/start.mjs is not there yet';
  if (!existsSync(RENDERER_INDEX)) return 'skipped: the UI is not built (npx vite build --config renderer/vite.config.ts)';
  if (!existsSync('/usr/bin/chromium'))
    return 'skipped: /usr/bin/chromium missing (apt-get install -y --no-install-recommends chromium fonts-noto-cjk)';
  return null;
}

/** A data folder whose path has Japanese characters and spaces, as on a clerk's PC. */
export function japaneseDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'gijiroku 議事録 データ-'));
}

export function startApp(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [START_SCRIPT, '--headless'], {
    cwd: ROOT,
    env: { ...process.env, GIJIROKU_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`app did not start in 30 s\n${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}\n${stderr}`));
    });
    const lines = createInterface({ input: child.stdout! });
    const printed: string[] = [];
    lines.on('line', (line) => {
      printed.push(line.trim());
      if (printed.length < 2) return;
      lines.removeAllListeners('line');
      clearTimeout(timer);
      const origin = FIRST_LINE.exec(printed[0]!)?.[1];
      const launchFile = LAUNCH_LINE.exec(printed[1]!)?.[1];
      if (!origin || !launchFile) {
        child.kill('SIGKILL');
        reject(new Error(`unexpected first lines: ${printed.join(' | ')}\n${stderr}`));
        return;
      }
      child.stdout?.resume();
      redeemLaunchFile(launchFile).then(
        (token) =>
          resolve({
            origin,
            token,
            dataDir,
            stderr: () =>
              child.exitCode !== null || child.signalCode !== null
                ? `${stderr}\n[app exited: code ${child.exitCode}, signal ${child.signalCode}]`
                : stderr,
            kill9: async () => {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
              await exited;
            },
            close: async () => {
              if (child.exitCode === null) child.kill('SIGTERM');
              const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
              await exited;
              clearTimeout(killer);
            },
          }),
        (e: unknown) => {
          child.kill('SIGKILL');
          reject(e);
        },
      );
    });
  });
}

/** Opens the app's page (with `hash`, e.g. `#/meeting/3`) in the browser holding this run's session, as after a launch. */
export async function openPage(page: Page, app: RunningApp, hash = ''): Promise<void> {
  await page.context().addCookies([
    {
      name: SESSION_COOKIE,
      value: app.token,
      domain: '127.0.0.1',
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  await page.goto(`${app.origin}/${hash}`);
}

/** Calls the API over the bridge, as the page does; for test set-up and checks only. */
export async function callApi<T>(app: RunningApp, method: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
    body: JSON.stringify(args),
  });
  const reply = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; text: { en: string } } };
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.text.en}`);
  return reply.value;
}
