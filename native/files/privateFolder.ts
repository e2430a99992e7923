// Other accounts on a shared PC must not read a clerk's meetings: a closed session's recording, its
// decoded audio in a job folder, the database and its WAL. On POSIX the process umask makes every new
// file 0600 and folder 0700 (children inherit it); folders made by an older version are fixed at start.
// On Windows the data folder is under %APPDATA%, whose ACL already admits only its owner.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempOrphans } from './writeFileAtomic';

export const PRIVATE_UMASK = 0o077;

/** New files 0600, new folders 0700, for this process and every child it starts. */
export function usePrivateUmask(): void {
  if (process.platform !== 'win32') process.umask(PRIVATE_UMASK);
}

/**
 * Makes `dir` (created if needed) and everything below it owner-only, and removes orphans of the
 * atomic writer. Links are neither followed nor changed: a link planted in the folder cannot make
 * us chmod a file elsewhere.
 */
export function makeFolderPrivate(dir: string): void {
  usePrivateUmask();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  walk(dir, 0);
}

const MAX_DEPTH = 6;

function walk(dir: string, depth: number): void {
  const st = lstatSync(dir);
  if (!st.isDirectory()) return;
  if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
  removeTempOrphans(dir);
  if (depth >= MAX_DEPTH) return;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    let entry;
    try {
      entry = lstatSync(full);
    } catch {
      continue;
    }
    if (entry.isDirectory()) walk(full, depth + 1);
    else if (entry.isFile() && (entry.mode & 0o077) !== 0) chmodSync(full, entry.mode & 0o700);
  }
}
