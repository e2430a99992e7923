import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where interrupted jobs wait to be resumed. */
export function jobsRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env['GIJIROKU_JOBS_DIR']) return resolve(env['GIJIROKU_JOBS_DIR']);
  if (process.platform === 'win32' && env['LOCALAPPDATA']) return join(env['LOCALAPPDATA'], 'Gijiroku', 'jobs');
  return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'gijiroku', 'jobs');
}

/**
 * A job is identified by the input file (path, size, time) and everything that
 * changes the result, so --resume never mixes two different runs.
 */
export function jobKey(input: string, settings: unknown): string {
  const st = statSync(input);
  return createHash('sha256')
    .update(JSON.stringify({ input: resolve(input), size: st.size, mtime: st.mtimeMs, settings }))
    .digest('hex')
    .slice(0, 24);
}

export function readJsonIfValid<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function prepareJobDir(dir: string, resume: boolean): void {
  if (!resume) rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pieces'), { recursive: true });
}
