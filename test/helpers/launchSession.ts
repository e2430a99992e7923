// How tests get into a running app as the browser does: read the launch file start.mjs printed (only
// this account can read it), redeem its one-time code, and keep the session the bridge hands back.
import { readFileSync } from 'node:fs';

export const FIRST_LINE = /^Gijiroku: (http:\/\/127\.0\.0\.1:\d+)\/$/;
export const LAUNCH_LINE = /^Launch: (.+\.html)$/;
export const SESSION_COOKIE = 'gijiroku-session';

/** the /open?code=… address inside a launch file */
export function launchUrl(launchFile: string): string {
  const m = /url=(http:\/\/127\.0\.0\.1:\d+\/open\?code=[\w-]+)"/.exec(readFileSync(launchFile, 'utf8'));
  if (!m) throw new Error(`no launch address in ${launchFile}`);
  return m[1]!;
}

/** redeems the launch file's code; the token is what the session cookie carries */
export async function redeemLaunchFile(launchFile: string): Promise<string> {
  const res = await fetch(launchUrl(launchFile), { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie') ?? '';
  const m = new RegExp(`^${SESSION_COOKIE}=([\\w-]+);`).exec(cookie);
  if (res.status !== 303 || !m) throw new Error(`launch code refused: HTTP ${res.status} ${cookie}`);
  return m[1]!;
}
