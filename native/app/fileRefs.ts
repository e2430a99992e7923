// What a file argument from the page may name. The page is untrusted (a compromised renderer, or
// anything that got the bridge's session): it must not make the app read, import or play a file the
// user did not pick. So a file argument is either
//   - a handle the main side issued for a file the user chose in a dialog it ran (Electron), used once, or
//   - a path inside the data folder (a browser's uploads land in <data>/media), not through a link,
//     and never the database itself.
import { randomBytes } from 'node:crypto';
import { lstatSync, realpathSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { GijirokuError } from '../common/errors';
import { refusedWindowsPath } from '../files/windowsPaths';

const HANDLE = /^picked:[\w-]{32}$/;

export interface FileRefs {
  /** main side only (the dialog in Electron main, tests): a one-time handle for a file the user chose */
  grant(path: string): string;
  /** the file a page's argument names; `picked`: outside the data folder, chosen by the user */
  resolve(ref: string): { path: string; picked: boolean };
}

export function createFileRefs(dataDir: string): FileRefs {
  const granted = new Map<string, string>();
  return {
    grant(path) {
      const handle = `picked:${randomBytes(24).toString('base64url')}`;
      granted.set(handle, resolve(path));
      return handle;
    },
    resolve(ref) {
      if (HANDLE.test(ref)) {
        const path = granted.get(ref);
        if (path === undefined) throw notAllowed(ref);
        granted.delete(ref);
        const windows = refusedWindowsPath(path);
        if (windows) throw new GijirokuError('INPUT_NOT_ALLOWED', windows);
        return { path, picked: true };
      }
      return { path: insideDataFolder(dataDir, ref), picked: false };
    },
  };
}

function insideDataFolder(dataDir: string, ref: string): string {
  const full = resolve(ref);
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    if (!full.startsWith(resolve(dataDir) + sep)) throw notAllowed(ref);
    throw new GijirokuError('INPUT_NOT_FOUND', {
      ja: `ファイル「${full}」が見つかりません。もう一度選んでください。`,
      en: `The file "${full}" does not exist. Choose it again.`,
    });
  }
  const root = realpathSync(dataDir);
  if (!real.startsWith(root + sep) || lstatSync(full).isSymbolicLink() || /^gijiroku\.sqlite/i.test(basename(real))) throw notAllowed(ref);
  return full;
}

function notAllowed(ref: string): GijirokuError {
  return new GijirokuError('INPUT_NOT_ALLOWED', {
    ja: `「${ref}」はこの画面からは開けません。「ファイルを選ぶ」から選び直してください。`,
    en: `"${ref}" cannot be opened from this page. Choose the file again with "Choose a file".`,
  });
}
