// Who may talk to the bridge: only clients holding this run's token, and only under the loopback host
// names (a foreign Host header means DNS rebinding). The token never travels in a URL: scripts send it
// as `Authorization: Bearer`, the page holds it as an HttpOnly SameSite=Strict cookie it got by
// redeeming a one-time launch code (launchCodes.ts). A cookie rides along with any request the browser
// makes, so cookie requests must also come from our own origin: another site on 127.0.0.1 (another
// account's server) counts as "same site" for SameSite.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'gijiroku-session';

export function newBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** the Set-Cookie value that lets the page in: never readable by script, never sent by another site */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** `Authorization: Bearer <token>`, or the session cookie on a request our own page made. */
export function tokenPresented(req: IncomingMessage, token: string, origin: string): boolean {
  const header = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (header !== undefined) return sameSecret(header, token);
  const cookie = cookieValue(req.headers.cookie, SESSION_COOKIE);
  return cookie !== null && sameSecret(cookie, token) && fromOwnPage(req, origin);
}

/**
 * Browsers mark where a request comes from: Sec-Fetch-Site on every request (Chromium, Firefox),
 * Origin on every POST. A request that says another origin, or a POST that does not say ours, is refused.
 */
function fromOwnPage(req: IncomingMessage, origin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return req.headers.origin === undefined || req.headers.origin === origin;
  return req.headers.origin === origin;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
