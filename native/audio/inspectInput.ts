import { accessSync, constants, statSync } from 'node:fs';
import { GijirokuError } from '../common/errors';

/** Checks that a path names a readable, non-empty file, before ffmpeg ever sees it. */
export function inspectInput(path: string): { size: number } {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      throw new GijirokuError('INPUT_IS_DIRECTORY', {
        ja: `「${path}」はフォルダです。音声または動画のファイルを指定してください。`,
        en: `"${path}" is a folder. Please choose an audio or video file.`,
      });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof GijirokuError) throw e;
    throw new GijirokuError('INPUT_NOT_FOUND', {
      ja: `ファイル「${path}」が見つかりません。場所と名前を確認してください。`,
      en: `The file "${path}" does not exist. Check its location and name.`,
    });
  }
  if (size === 0) {
    throw new GijirokuError('INPUT_EMPTY', {
      ja: `ファイル「${path}」は空です（0 バイト）。録音が保存されていない可能性があります。`,
      en: `The file "${path}" is empty (0 bytes). The recording may not have been saved.`,
    });
  }
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new GijirokuError('INPUT_UNREADABLE', {
      ja: `ファイル「${path}」を読み込む権限がありません。`,
      en: `You do not have permission to read "${path}".`,
    });
  }
  return { size };
}
