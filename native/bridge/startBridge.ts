// The local bridge: the same API as Electron's IPC, for a plain browser, over
// HTTP on 127.0.0.1 with a per-run token (bridgeAuth.ts, launchCodes.ts). Routes are generated
// from API_METHODS through dispatchApiCall; nothing here knows a method by name.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { GijirokuApi } from '../common/api';
import { dispatchApiCall, failureReply, type ApiFailure } from '../app/dispatchApiCall';
import { openMediaFile, openRange, planMediaReply } from '../serving/mediaRange';
import { PAGE_HEADERS } from '../serving/securityHeaders';
import { NOT_BUILT_PAGE, rendererBuilt, resolveStaticFile, staticContentType } from '../serving/staticFiles';
import { hostAllowed, newBridgeToken, sessionCookie, tokenPresented } from './bridgeAuth';
import { createLaunchCodes, type LaunchCodes } from './launchCodes';
import { receiveUpload } from './receiveUpload';

export interface BridgeOptions {
  service: GijirokuApi;
  /** the built renderer (dist/renderer/); a short page says so when it is missing */
  staticDir: string;
  /** uploads are saved in <dataDir>/media/ */
  dataDir: string;
  /** 0 or left out: a free port chosen by the OS */
  port?: number;
  /** left out: a random one for this run */
  token?: string;
}

export interface Bridge {
  readonly port: number;
  readonly token: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** one-time ways into the page (never the token in a URL) */
  readonly launch: LaunchCodes;
  mediaUrl(meetingId: number): string;
  close(): Promise<void>;
}

const MAX_API_BODY = 4 * 1024 * 1024;

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? newBridgeToken();
  const mediaDir = join(opts.dataDir, 'media');
  let port = 0;
  let origin = '';
  let launch: LaunchCodes | null = null;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // the path only: a query could carry something private
      if (!res.headersSent) sendJson(res, 500, failureReply(e, `${req.method} ${pathOnly(req.url)}`));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) {
      sendJson(res, 403, refusal('FORBIDDEN_HOST', 'このアドレスからは接続できません。', 'Requests for this host name are refused.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (path.startsWith('/api/')) {
      if (method !== 'POST')
        return sendJson(res, 405, refusal('METHOD_NOT_ALLOWED', 'POST で送ってください。', 'Use POST.'), { Allow: 'POST' });
      if (!tokenPresented(req, token, origin)) return unauthorized(res);
      const args = await readJsonBody(req);
      if (args === undefined) {
        return sendJson(res, 400, refusal('BAD_ARGUMENTS', '引数は JSON の配列で送ってください。', 'Send the arguments as a JSON array.'));
      }
      return sendJson(res, 200, await dispatchApiCall(opts.service, path.slice('/api/'.length), args));
    }
    if (path.startsWith('/media/')) {
      if (method !== 'GET' && method !== 'HEAD')
        return sendJson(res, 405, refusal('METHOD_NOT_ALLOWED', 'GET で取得してください。', 'Use GET.'), { Allow: 'GET, HEAD' });
      if (!tokenPresented(req, token, origin)) return unauthorized(res);
      return serveMedia(req, res, opts.service, path.slice('/media/'.length), method === 'HEAD');
    }
    if (path === '/upload') {
      if (method !== 'POST')
        return sendJson(res, 405, refusal('METHOD_NOT_ALLOWED', 'POST で送ってください。', 'Use POST.'), { Allow: 'POST' });
      if (!tokenPresented(req, token, origin)) return unauthorized(res);
      const reply = await receiveUpload(req, mediaDir, url.searchParams.get('name'));
      return sendJson(res, reply.ok ? 200 : 400, reply);
    }
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(res, 405, refusal('METHOD_NOT_ALLOWED', 'この操作はできません。', 'Method not allowed.'), { Allow: 'GET, HEAD' });
    if (path === '/open') return openPage(res, launch?.redeem(url.searchParams.get('code') ?? '') === true, token);
    return serveStatic(res, opts.staticDir, path, method === 'HEAD');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  const codes = createLaunchCodes(origin);
  launch = codes;

  return {
    port,
    token,
    origin,
    launch: codes,
    mediaUrl: (meetingId) => `${origin}/media/${meetingId}`,
    close: () =>
      new Promise<void>((resolve) => {
        codes.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serveMedia(req: IncomingMessage, res: ServerResponse, service: GijirokuApi, idText: string, head: boolean): Promise<void> {
  const meetingId = /^[1-9]\d{0,15}$/.test(idText) ? Number(idText) : NaN;
  if (!Number.isSafeInteger(meetingId)) return sendJson(res, 404, notFound());
  let mediaPath: string;
  try {
    const media = (await service.getMeeting(meetingId)).media;
    if (!media) return sendJson(res, 404, notFound());
    mediaPath = media.path;
  } catch {
    return sendJson(res, 404, notFound());
  }
  const file = openMediaFile(mediaPath);
  if (!file) return sendJson(res, 404, notFound());
  const plan = planMediaReply(mediaPath, file.size, req.headers.range, head);
  res.writeHead(plan.status, plan.headers);
  const stream = openRange(file.fd, plan.range);
  if (!stream) return void res.end();
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** /open?code=…: a good code becomes the session cookie and a redirect to / (which drops the code from the address bar) */
function openPage(res: ServerResponse, redeemed: boolean, token: string): void {
  const headers = { ...PAGE_HEADERS, 'Cache-Control': 'no-store' };
  if (redeemed) {
    res.writeHead(303, { ...headers, Location: '/', 'Set-Cookie': sessionCookie(token) });
    return void res.end();
  }
  res.writeHead(401, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    '<!doctype html><html lang="ja"><meta charset="utf-8"><title>議事録</title>' +
      '<p>このリンクは使用済みか無効です。アプリを起動し直して開いてください。</p>' +
      '<p>This link was already used or is not valid. Start the app again to open it.</p></html>\n',
  );
}

function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

function serveStatic(res: ServerResponse, staticDir: string, path: string, head: boolean): void {
  const file = resolveStaticFile(staticDir, path);
  if (!file) {
    if (!rendererBuilt(staticDir) && (path === '/' || path === '/index.html')) {
      res.writeHead(200, { ...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(head ? undefined : NOT_BUILT_PAGE);
    }
    res.writeHead(404, { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('見つかりません / Not found\n');
  }
  const size = statSync(file).size;
  res.writeHead(200, {
    ...PAGE_HEADERS,
    'Content-Type': staticContentType(file),
    'Content-Length': String(size),
    'Cache-Control': 'no-cache',
  });
  if (head) return void res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** the parsed JSON array, or undefined when the body is not one (or is too big) */
function readJsonBody(req: IncomingMessage): Promise<unknown[] | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // past the limit the rest is read and dropped, so the 400 still reaches the client
      if (size <= MAX_API_BODY) chunks.push(c);
    });
    req.on('error', () => resolve(undefined));
    req.on('end', () => {
      if (size > MAX_API_BODY) return resolve(undefined);
      try {
        const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '[]');
        resolve(Array.isArray(v) ? v : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

function unauthorized(res: ServerResponse): void {
  sendJson(
    res,
    401,
    refusal(
      'UNAUTHORIZED',
      'アクセスが許可されていません。アプリを起動し直して、開いた画面から操作してください。',
      'Not authorized. Start the app again and use the page it opens.',
    ),
    { 'WWW-Authenticate': 'Bearer' },
  );
}

function notFound(): ApiFailure {
  return refusal('MEDIA_NOT_FOUND', '録音ファイルが見つかりません。', 'The recording was not found.');
}

function refusal(code: string, ja: string, en: string): ApiFailure {
  return { ok: false, error: { code, text: { ja, en } } };
}
