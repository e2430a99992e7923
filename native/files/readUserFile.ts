// Reading a small file the user named (a term list, a roster): only a plain file, never a link's
// target chosen by someone else, never a FIFO or device that would block the process, never more
// than `maxBytes` (/dev/zero would otherwise fill memory).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { GijirokuError, type LocalizedText } from '../common/errors';
import { refusedWindowsPath } from './windowsPaths';

/** a council's dictionary is a few thousand rows (≈ 100 bytes each); 10 MB is far past any real one */
export const MAX_TERM_FILE_BYTES = 10 * 1024 * 1024;
/** a roster is tens of rows */
export const MAX_ROSTER_BYTES = 1024 * 1024;

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
/** a FIFO opened for reading would wait for a writer; non-blocking, the open returns and fstat says what it is */
const NO_BLOCK = constants.O_NONBLOCK ?? 0;

/** `what` names the file in messages: 用語辞書 / the term file */
export function readRegularFile(path: string, maxBytes: number, what: LocalizedText): Buffer {
  const windows = refusedWindowsPath(path);
  if (windows) throw new GijirokuError('INPUT_NOT_ALLOWED', windows);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | NO_BLOCK);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ELOOP') throw notRegular(path, what);
    if (code === 'EISDIR')
      throw new GijirokuError('INPUT_IS_DIRECTORY', {
        ja: `「${path}」はフォルダです。ファイルを選んでください。`,
        en: `"${path}" is a folder. Choose a file.`,
      });
    throw new GijirokuError(
      'INPUT_NOT_FOUND',
      { ja: `${what.ja}のファイル「${path}」を読み込めません。`, en: `Cannot read the ${what.en} "${path}".` },
      { cause: e },
    );
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory())
      throw new GijirokuError('INPUT_IS_DIRECTORY', {
        ja: `「${path}」はフォルダです。ファイルを選んでください。`,
        en: `"${path}" is a folder. Choose a file.`,
      });
    if (!st.isFile()) throw notRegular(path, what);
    if (st.size > maxBytes) throw tooLarge(path, what, maxBytes);
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

function notRegular(path: string, what: LocalizedText): GijirokuError {
  return new GijirokuError('INPUT_NOT_ALLOWED', {
    ja: `「${path}」は通常のファイルではありません（リンク・デバイス・パイプなど）。${what.ja}のファイルそのものを選んでください。`,
    en: `"${path}" is not a plain file (a link, a device or a pipe). Choose the ${what.en} itself.`,
  });
}

function tooLarge(path: string, what: LocalizedText, maxBytes: number): GijirokuError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new GijirokuError('INPUT_TOO_LARGE', {
    ja: `「${path}」は${what.ja}としては大きすぎます（${mb} MB まで）。正しいファイルか確認してください。`,
    en: `"${path}" is too large for a ${what.en} (at most ${mb} MB). Check that it is the right file.`,
  });
}

/**
 * Whether a file with bad rows is still plausibly a list of the kind asked for, so that quoting its
 * cells back helps the clerk fix it: its first line is a header or a good row, and not every line is
 * bad. Anything else (a file picked by mistake, or one a compromised page pointed at) is refused
 * without quoting a word of it.
 */
export function plausibleRows(bytes: Buffer, errors: readonly { line: number }[]): boolean {
  const lines = bytes
    .toString('latin1')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '').length;
  return errors.every((e) => e.line > 1) && errors.length < lines;
}

export function notThisKindOfFile(path: string, what: LocalizedText, columnsJa: string, columnsEn: string): GijirokuError {
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `「${path}」は${what.ja}のファイルとして読めないため、何も取り込んでいません。${columnsJa}の列がある TSV または CSV を選んでください。`,
    en: `"${path}" cannot be read as a ${what.en}, so nothing was imported. Choose a TSV or CSV with the columns ${columnsEn}.`,
  });
}
