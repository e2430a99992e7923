// How a browser gets into the page without the token ever being in a process's arguments (any local
// account can read those) or in the browser's history: `npm start` writes a launch file only the user
// can read (0600, in the 0700 data folder) and opens that file; it redirects to /open?code=<one-time
// code>; the bridge answers with the session cookie and a redirect to /, so the address bar and history
// keep only a code that no longer works. The file is removed once its code is used.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/writeFileAtomic';
import { sameSecret } from './bridgeAuth';

export interface LaunchCodes {
  /** writes a launch file into `dir` that opens the page once; returns its path */
  writeLaunchFile(dir: string): string;
  /** a code for a caller that already holds the token (tests, scripts) */
  issue(): string;
  /** true once for each issued code */
  redeem(code: string): boolean;
  /** removes launch files not used yet */
  close(): void;
}

export function createLaunchCodes(origin: string): LaunchCodes {
  const pending = new Map<string, string | null>();
  const issue = (file: string | null = null): string => {
    const code = randomBytes(24).toString('base64url');
    pending.set(code, file);
    return code;
  };
  return {
    issue: () => issue(),
    writeLaunchFile(dir) {
      const path = join(dir, `launch-${randomBytes(6).toString('hex')}.html`);
      const code = issue(path);
      writeFileAtomic(path, launchPage(`${origin}/open?code=${code}`), 0o600);
      return path;
    },
    redeem(code) {
      for (const [known, file] of pending) {
        if (!sameSecret(code, known)) continue;
        pending.delete(known);
        if (file) rmSync(file, { force: true });
        return true;
      }
      return false;
    },
    close() {
      for (const file of pending.values()) if (file) rmSync(file, { force: true });
      pending.clear();
    },
  };
}

function launchPage(url: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${url}"><title>議事録 Gijiroku</title></head>
<body><p>議事録を開いています… / Opening Gijiroku… <a href="${url}">開く / Open</a></p></body></html>
`;
}
