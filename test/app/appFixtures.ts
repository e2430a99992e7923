// Shared by the app and electron tests: a real app (store, service, bridge) on
// a temporary data folder, in this process or as `scripts/start.mjs --headless`.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiReply, Job } from '../../native/common/api';
import { ROOT } from '../helpers/fixtures';
import { FIRST_LINE, LAUNCH_LINE, redeemLaunchFile } from '../helpers/launchSession';

export const MEETING = { title: '交通対策特別委員会', body: '交通対策特別委員会', date: '2024-06-12', place: '第1委員会室' };

/** POST /api/<method> as the page does */
export async function callBridge<T>(origin: string, token: string, method: string, args: unknown[]): Promise<ApiReply<T>> {
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  return (await res.json()) as ApiReply<T>;
}

/** POST /upload as the page does with a chosen file: the bridge keeps a copy in <data>/media and returns its path */
export async function uploadToBridge(origin: string, token: string, path: string): Promise<string> {
  const res = await fetch(`${origin}/upload?name=${encodeURIComponent(basename(path))}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: readFileSync(path),
  });
  return valueOf((await res.json()) as ApiReply<string>);
}

export function valueOf<T>(reply: ApiReply<T>): T {
  if (!reply.ok) throw new Error(`API error ${reply.error.code}: ${reply.error.text.en}`);
  return reply.value;
}

export interface StartedApp {
  child: ChildProcess;
  origin: string;
  token: string;
  firstLine: string;
  launchFile: string;
  stderr(): string;
  call<T>(method: string, args: unknown[]): Promise<T>;
}

/** Runs `node scripts/start.mjs --headless` in its own process group (so a test can SIGKILL the whole tree). */
export function startHeadless(dataDir: string): Promise<StartedApp> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--headless'], {
      env: { ...process.env, GIJIROKU_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`start.mjs printed no URL in 20 s; stderr: ${stderr}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`start.mjs exited (${code}) before printing its URL; stderr: ${stderr}`)));
    let started = false;
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split('\n');
      if (started || lines.length < 3) return;
      started = true;
      clearTimeout(timer);
      const [firstLine = '', second = ''] = lines;
      const origin = FIRST_LINE.exec(firstLine)?.[1];
      const launchFile = LAUNCH_LINE.exec(second)?.[1];
      if (!origin || !launchFile) return reject(new Error(`unexpected first lines: ${firstLine} | ${second}`));
      redeemLaunchFile(launchFile).then(
        (token) =>
          resolve({
            child,
            origin,
            token,
            firstLine,
            launchFile,
            stderr: () => stderr,
            call: async <T>(method: string, args: unknown[]) => valueOf(await callBridge<T>(origin, token, method, args)),
          }),
        reject,
      );
    });
  });
}

export function killTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      resolve();
    }
  });
}

/** Polls until `pick` returns something, or fails after `ms`. */
export async function waitFor<T>(what: string, ms: number, pick: () => Promise<T | null | undefined> | T | null | undefined): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await pick();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function finished(job: Job | undefined): boolean {
  return job !== undefined && (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled');
}
