// Names for files in <dataDir>/media/ (uploads, copies of picked recordings): the user's own file name
// (Japanese kept), made safe for Windows and Linux, never overwriting a file.
import { openSync, type PathLike } from 'node:fs';
import { extname, join } from 'node:path';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
/** Linux allows 255 bytes per name; a Japanese character is 3 bytes in UTF-8 */
const MAX_NAME_BYTES = 200;

/** A file name safe on every OS, from whatever name the browser sent. Pure. */
export function safeUploadName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!name || WINDOWS_RESERVED.test(name)) name = `recording${name ? `_${name}` : ''}`;
  return truncateBytes(name, MAX_NAME_BYTES);
}

function truncateBytes(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name;
  const ext = extname(name).slice(0, 16);
  let stem = name.slice(0, name.length - ext.length);
  while (stem && Buffer.byteLength(stem + ext) > max) stem = Array.from(stem).slice(0, -1).join('');
  return stem + ext;
}

/** `name`, `name (2)`, `name (3)` … : opens the first that does not exist yet (exclusively, so two uploads never share one). */
export function openUniqueFile(dir: PathLike, name: string): { path: string; fd: number } {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 10_000; n++) {
    const path = join(String(dir), n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      return { path, fd: openSync(path, 'wx') };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`no free name for ${name}`);
}
