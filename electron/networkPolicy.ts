// No network, ever: the window may load only the app's own origin. Everything
// else (http, https, ws, ftp, other files…) is cancelled at the session level.
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../native/serving/appRequest';

/** Whether the page may load `url`; pure, so the policy is tested without Electron. */
export function requestAllowed(url: string, staticDir: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
      return u.host === APP_HOST;
    // Chromium's own: developer tools, and in-page data the CSP already limits to the app's origin
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'file:': {
      const root = resolve(staticDir);
      try {
        const p = resolve(fileURLToPath(u));
        return p === root || p.startsWith(root + sep);
      } catch {
        return false;
      }
    }
    default:
      return false;
  }
}
