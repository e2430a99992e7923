// Answers requests to the app's own origin (gijiroku://app/…) in Electron: the
// built page and, under /media/<meetingId>, the meeting's recording with Range
// support. Web Request/Response only, so it runs (and is tested) under plain Node.
import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { GijirokuApi } from '../common/api';
import { openMediaFile, openRange, planMediaReply } from './mediaRange';
import { PAGE_HEADERS } from './securityHeaders';
import { NOT_BUILT_PAGE, rendererBuilt, resolveStaticFile, staticContentType } from './staticFiles';

export const APP_SCHEME = 'gijiroku';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function appMediaUrl(meetingId: number): string {
  return `${APP_ORIGIN}/media/${meetingId}`;
}

export async function answerAppRequest(request: Request, deps: { service: GijirokuApi; staticDir: string }): Promise<Response> {
  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, '見つかりません / Not found');
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) return plain(405, 'この操作はできません / Method not allowed');
  const media = /^\/media\/([1-9]\d{0,15})$/.exec(url.pathname);
  if (media) return answerMedia(Number(media[1]), request.headers.get('range'), head, deps.service);
  const file = resolveStaticFile(deps.staticDir, url.pathname);
  if (!file) {
    if (!rendererBuilt(deps.staticDir) && (url.pathname === '/' || url.pathname === '/index.html')) {
      return new Response(head ? null : NOT_BUILT_PAGE, {
        status: 200,
        headers: { ...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' },
      });
    }
    return plain(404, '見つかりません / Not found');
  }
  const headers = { ...PAGE_HEADERS, 'Content-Type': staticContentType(file), 'Content-Length': String(statSync(file).size) };
  return new Response(head ? null : toWeb(createReadStream(file)), { status: 200, headers });
}

async function answerMedia(meetingId: number, range: string | null, head: boolean, service: GijirokuApi): Promise<Response> {
  let path: string;
  try {
    const media = (await service.getMeeting(meetingId)).media;
    if (!media) return plain(404, '録音ファイルが見つかりません / Recording not found');
    path = media.path;
  } catch {
    return plain(404, '録音ファイルが見つかりません / Recording not found');
  }
  const file = openMediaFile(path);
  if (!file) return plain(404, '録音ファイルが見つかりません / Recording not found');
  const plan = planMediaReply(path, file.size, range, head);
  const stream = openRange(file.fd, plan.range);
  return new Response(stream ? toWeb(stream) : null, { status: plan.status, headers: plan.headers });
}

function toWeb(stream: ReadStream): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
