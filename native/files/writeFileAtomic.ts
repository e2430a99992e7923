// The one way the app writes a whole file. Threat: a folder another account can write to (a shared
// export folder, a world-writable temp dir) where that account plants a link under the name we are
// about to use, so that our write lands in one of the clerk's files (the database included).
// So: a random name in the target's own folder, created exclusively (never an existing entry),
// without following a link where the OS can say so, owner-only, fsync'd, then renamed over the target.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { diskFullError, isDiskFull } from '../common/errors';

/** ".NAME.<16 hex>.gtmp": what an orphan left by a crash between create and rename looks like */
const TEMP_NAME = /^\..*\.[0-9a-f]{16}\.gtmp$/;

/** O_NOFOLLOW is 0 on Windows (Node leaves it undefined there); O_EXCL alone already refuses an existing link */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.gtmp`);
}

/** A new file under a temporary name beside `path`: write to `fd`, then commit (fsync + rename) or abort. */
export interface AtomicFile {
  readonly tempPath: string;
  readonly fd: number;
  /** fsyncs, closes and renames over `path` (or `target`, in the same folder); the fd must not be closed by the caller */
  commit(target?: string): void;
  /** closes (if still open) and removes the temporary file */
  abort(): void;
}

export function openAtomicFile(path: string, mode = 0o600): AtomicFile {
  const tempPath = tempNameFor(path);
  let fd: number;
  try {
    fd = openSync(tempPath, CREATE_NEW, mode);
  } catch (e) {
    if (isDiskFull(e)) throw diskFullError(path, e);
    throw e;
  }
  let open = true;
  const close = (): void => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  return {
    tempPath,
    fd,
    commit(target = path) {
      try {
        fsyncSync(fd);
        close();
        renameSync(tempPath, target);
      } catch (e) {
        this.abort();
        if (isDiskFull(e)) throw diskFullError(path, e);
        throw e;
      }
      syncFolder(dirname(path));
    },
    abort() {
      try {
        close();
      } catch {
        /* already closed by a stream */
      }
      rmSync(tempPath, { force: true });
    },
  };
}

/** Readers of `path` see the old file or the whole new one, never half; a crash leaves at most a `.gtmp` orphan. */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  const file = openAtomicFile(path, mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += writeSync(file.fd, bytes, at, bytes.length - at);
  } catch (e) {
    file.abort();
    if (isDiskFull(e)) throw diskFullError(path, e);
    throw e;
  }
  file.commit();
}

/** the rename itself survives a power cut only once the folder is flushed (POSIX; Windows cannot open a folder) */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // the file is written; only its durability across a power cut is less sure
  }
}

/**
 * Removes what a crash between create and rename left in `dir` (not below it). Only names this
 * writer makes, only plain files, and only those older than `minAgeMs`: another running copy's
 * write in progress is left alone.
 */
export function removeTempOrphans(dir: string, minAgeMs = 60_000, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const full = join(dir, name);
    try {
      const st = lstatSync(full);
      if (!st.isFile() || now - st.mtimeMs < minAgeMs) continue;
      rmSync(full, { force: true });
      removed.push(full);
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}
