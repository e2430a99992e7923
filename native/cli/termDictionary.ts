import { GijirokuError } from '../common/errors';
import { MAX_TERM_FILE_BYTES, readRegularFile } from '../files/readUserFile';
import { parseTermFile } from '../dictionary/parseTermFile';
import type { TermEntry } from '../dictionary/termEntry';
import { printNotice } from './cliOutput';

/** Reads a term file (TSV/CSV, UTF-8 or Shift_JIS); any bad row stops the run with every bad line named. */
export function loadTermFile(path: string): TermEntry[] {
  const bytes = readRegularFile(path, MAX_TERM_FILE_BYTES, { ja: '用語辞書', en: 'term dictionary' });
  const { entries, errors, unknownKinds } = parseTermFile(bytes, path);
  if (errors.length > 0) {
    const shown = errors.slice(0, 10);
    throw new GijirokuError('BAD_ARGUMENTS', {
      ja: `用語辞書「${path}」に誤りがあるため、何も読み込んでいません：\n${shown.map((e) => `  ${e.line} 行目: ${e.message.ja}`).join('\n')}`,
      en: `The term dictionary "${path}" has errors, so nothing was read:\n${shown.map((e) => `  line ${e.line}: ${e.message.en}`).join('\n')}`,
    });
  }
  if (unknownKinds.length > 0) {
    const kinds = unknownKinds.map((k) => `「${k}」`).join('');
    printNotice(
      `用語辞書の種別${kinds}は標準の種別にないため、書かれたとおりに読み込み、その他として扱います。`,
      `The term kinds ${unknownKinds.join(', ')} are not built in: read as written and treated as その他 (other).`,
    );
  }
  return entries;
}
