// How every ffmpeg run names its input. A recording is untrusted: ffmpeg would otherwise pick any of
// its hundreds of demuxers by content, including playlists that pull in other files (an HLS playlist
// saved as meeting.mp3 with file:///…/recordings/rec-000001.wav decoded another meeting into this one;
// on Windows a file://\\host\share entry makes SMB authenticate to that host). So: only the containers
// a council's recorders and cameras write, only the file protocol, and a clear refusal for a playlist
// or concat list before ffmpeg sees it.
import { closeSync, openSync, readSync } from 'node:fs';
import { GijirokuError } from '../common/errors';

/** ffmpeg demuxer names (a demuxer passes when any of its comma-separated names is listed) */
export const SUPPORTED_CONTAINERS = [
  'wav',
  'w64',
  'mp3',
  'aac',
  'flac',
  'ogg',
  'mov',
  'asf',
  'matroska',
  'aiff',
  'amr',
  'avi',
  'mpegts',
  'caf',
  'dss',
] as const;

/** the arguments before `-i`, then the input itself: a path can never be read as an option */
export function inputArgs(path: string): string[] {
  return ['-protocol_whitelist', 'file,pipe', '-format_whitelist', SUPPORTED_CONTAINERS.join(','), '-i', `file:${path}`];
}

/** text that starts a playlist, a concat list or a streaming manifest (the first bytes, BOM and blanks skipped) */
const INDIRECTION = /^(#EXTM3U|#EXTINF|ffconcat|file\s+'|\[playlist\]|<\?xml[\s\S]*<(MPD|smil|playlist|asx)\b|<(MPD|smil|asx)\b)/i;

/** Refuses a file that only points at other media, before any decoder runs. */
export function refuseIndirection(path: string): void {
  let head = '';
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(1024);
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return; // unreadable files get their own message from inspectInput / ffmpeg
  }
  if (INDIRECTION.test(head.replace(/^\xef\xbb\xbf/, '').trimStart())) throw playlistRefused(path);
}

export function playlistRefused(path: string): GijirokuError {
  return new GijirokuError('INPUT_NOT_AUDIO', {
    ja: `「${path}」は録音ではなく、ほかのファイルを指すプレイリスト（再生リスト・連結リスト）です。録音ファイルそのものを選んでください。`,
    en: `"${path}" is not a recording but a playlist (or concat list) that points at other files. Choose the recording itself.`,
  });
}
