// Where the page may make the app write. Paths come from the renderer, which is not trusted: a
// compromised page must not turn "export the dictionary" into "overwrite any file of the user".
// The rule: the file name ends with the format's extension, the folder exists, an existing target
// is a plain file (never a link, which could point anywhere), and the app's own database is off limits.
import { lstatSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { GijirokuError } from '../common/errors';

export function checkExportTarget(path: string, extensions: readonly string[]): string {
  const full = resolve(path);
  const ext = extname(full).toLowerCase();
  if (!extensions.includes(ext)) {
    throw refused(full, `拡張子が ${extensions.join(' / ')} ではありません`, `its extension is not ${extensions.join(' / ')}`);
  }
  if (/^gijiroku\.sqlite/i.test(basename(full))) throw refused(full, 'アプリのデータファイルです', "it is the app's own data file");
  let dirOk = false;
  try { dirOk = statSync(dirname(full)).isDirectory(); } catch { dirOk = false; }
  if (!dirOk) throw refused(full, 'フォルダが存在しません', 'its folder does not exist');
  try {
    const st = lstatSync(full);
    if (!st.isFile()) throw refused(full, '既存のファイルが通常のファイルではありません（リンクやフォルダ）', 'an existing entry there is not a plain file (a link or a folder)');
  } catch (e) {
    if (e instanceof GijirokuError) throw e;
  }
  return full;
}

function refused(path: string, ja: string, en: string): GijirokuError {
  return new GijirokuError('OUTPUT_NOT_WRITABLE', {
    ja: `「${path}」には書き出せません（${ja}）。保存先を選び直してください。`,
    en: `Cannot export to "${path}": ${en}. Choose another place to save.`,
  });
}
