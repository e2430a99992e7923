// POST /upload?name=…: a plain browser only has File objects, not paths, so the
// recording is streamed into <dataDir>/media/ and the service gets that path.
import { closeSync, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ApiReply } from '../common/api';
import { diskFullError, isDiskFull } from '../common/errors';
import { failureReply } from '../app/dispatchApiCall';
import { openUniqueFile, safeUploadName } from '../files/uploadName';

export async function receiveUpload(req: IncomingMessage, mediaDir: string, rawName: string | null): Promise<ApiReply<string>> {
  if (!rawName) {
    return {
      ok: false,
      error: { code: 'BAD_ARGUMENTS', text: { ja: 'ファイル名（name）が指定されていません。', en: 'The file name (name) is missing.' } },
    };
  }
  let target: { path: string; fd: number } | null = null;
  try {
    mkdirSync(mediaDir, { recursive: true });
    target = openUniqueFile(mediaDir, safeUploadName(rawName));
    const fd = target.fd;
    await pipeline(req, createWriteStream('', { fd, autoClose: true }));
    return { ok: true, value: target.path };
  } catch (e) {
    if (target) {
      try {
        closeSync(target.fd);
      } catch {
        /* already closed by the stream */
      }
      rmSync(target.path, { force: true });
    }
    if (req.destroyed || (e as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
      return failureReply(uploadAborted(), 'upload');
    }
    return failureReply(isDiskFull(e) ? diskFullError(mediaDir, e) : e, 'upload');
  }
}

function uploadAborted(): { code: string; text: { ja: string; en: string } } {
  return {
    code: 'UPLOAD_ABORTED',
    text: {
      ja: 'ファイルの送信が途中で中断されました。もう一度読み込んでください。',
      en: 'The upload was interrupted. Please import the file again.',
    },
  };
}
