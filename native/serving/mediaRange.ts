// HTTP Range handling for media, shared by the local bridge and Electron's app
// protocol: Chromium can only seek an <audio> whose source answers Range
// requests with 206 (otherwise `seekable` is empty and currentTime stays at 0).
import { closeSync, constants, createReadStream, fstatSync, openSync, type ReadStream } from 'node:fs';
import { extname } from 'node:path';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.weba': 'audio/webm',
  '.mov': 'video/quicktime',
  '.wma': 'audio/x-ms-wma',
};

export function mediaContentType(path: string): string {
  return MEDIA_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type ByteRange = { start: number; end: number };

/**
 * Reads a Range header against a file of `size` bytes: null = no usable range
 * (serve the whole file), 'unsatisfiable' = answer 416. Only single byte
 * ranges are served; a multi-range request gets the whole file, which RFC 9110 allows.
 */
export function parseRange(header: string | undefined | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return null;
  const spec = (m[1] ?? '').trim();
  if (spec.includes(',')) return null;
  const r = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
  if (!r || (r[1] === '' && r[2] === '')) return 'unsatisfiable';
  if (r[1] === '') {
    const suffix = Number(r[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(r[1]);
  const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export interface MediaReply {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** bytes to send, null for 416 or a HEAD request */
  range: ByteRange | null;
}

/** Status and headers for a media request; the caller streams `range` of the file. */
export function planMediaReply(path: string, size: number, rangeHeader: string | undefined | null, head = false): MediaReply {
  const base: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Content-Type': mediaContentType(path),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, range: null };
  }
  if (range === null) {
    const whole = size > 0 ? { start: 0, end: size - 1 } : null;
    return { status: 200, headers: { ...base, 'Content-Length': String(size) }, range: head ? null : whole };
  }
  return {
    status: 206,
    headers: {
      ...base,
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
      'Content-Length': String(range.end - range.start + 1),
    },
    range: head ? null : range,
  };
}

/**
 * Opens a meeting's recording for serving: never through a link (a file swapped for a link after
 * import would otherwise stream whatever it points at), and only a plain file. The caller streams
 * from the descriptor it checked, so nothing can be swapped in between. null: not servable.
 */
export function openMediaFile(path: string): { fd: number; size: number } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    return null;
  }
  return { fd, size: st.size };
}

/** streams `range` of an open file and closes it when done */
export function openRange(fd: number, range: ByteRange | null): ReadStream | null {
  if (!range) {
    closeSync(fd);
    return null;
  }
  return createReadStream('', { fd, start: range.start, end: range.end, autoClose: true });
}
