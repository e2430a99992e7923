// Who may talk to the bridge: only pages that were given this run's token, and
// only under the loopback host names (a foreign Host header means DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** `Authorization: Bearer <token>`; with allowQuery also `?token=` (an <audio> element cannot send headers). */
export function tokenPresented(req: IncomingMessage, url: URL, token: string, allowQuery: boolean): boolean {
  const header = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (header !== undefined) return sameSecret(header, token);
  const query = allowQuery ? url.searchParams.get('token') : null;
  return query !== null && sameSecret(query, token);
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
