// The API's term dictionary calls: import a TSV/CSV file (all or nothing), export one
// (to a path, or as base64 for a browser download), and the rows for the table.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TermFileEncoding, TermFileFormat, TermImportMode, TermImportResult, TermRow } from '../common/api';
import { GijirokuError } from '../common/errors';
import { writeFileAtomic } from '../files/writeFileAtomic';
import { checkExportTarget } from './exportTarget';
import { parseTermFile, type TermFileError } from '../dictionary/parseTermFile';
import { serializeTermFile } from '../dictionary/serializeTermFile';
import type { MeetingStore, TermEntryRow } from '../store/meetingStoreContract';

/** how many bad lines an error names; the rest are counted */
const SHOWN_ERRORS = 20;

export function importTermFile(store: MeetingStore, path: string, mode: TermImportMode): TermImportResult {
  const full = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (e) {
    throw new GijirokuError('INPUT_NOT_FOUND', {
      ja: `用語辞書のファイル「${full}」を読み込めません。`,
      en: `Cannot read the term file "${full}".`,
    }, { cause: e });
  }
  const { entries, errors } = parseTermFile(bytes, full);
  if (errors.length > 0) throw badTermFileError(errors);
  // an empty file imported with "replace" would silently wipe the council's dictionary
  if (entries.length === 0) throw noTermsError(full);
  return store.replaceTerms(entries, mode);
}

export function badTermFileError(errors: TermFileError[]): GijirokuError {
  const shown = errors.slice(0, SHOWN_ERRORS);
  const more = errors.length - shown.length;
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `用語辞書のファイルに誤りがあるため、何も取り込んでいません（${errors.length} 件）。\n`
      + shown.map((e) => `${e.line} 行目: ${e.message.ja}`).join('\n') + (more > 0 ? `\nほか ${more} 件` : ''),
    en: `The term file has errors, so nothing was imported (${errors.length}).\n`
      + shown.map((e) => `Line ${e.line}: ${e.message.en}`).join('\n') + (more > 0 ? `\n… and ${more} more` : ''),
  });
}

export function noTermsError(path: string): GijirokuError {
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `用語辞書のファイル「${path}」に用語が 1 件もないため、何も取り込んでいません（今の用語辞書はそのままです）。`,
    en: `The term file "${path}" holds no terms, so nothing was imported (the dictionary is unchanged).`,
  });
}

export function termFileBytes(store: MeetingStore, format: TermFileFormat, encoding: TermFileEncoding): Buffer {
  const entries = store.listTerms().map(({ id: _id, ...entry }) => entry);
  return serializeTermFile(entries, { format, encoding });
}

export function exportTermFile(store: MeetingStore, path: string, format: TermFileFormat, encoding: TermFileEncoding): void {
  const target = checkExportTarget(path, format === 'csv' ? ['.csv', '.txt'] : ['.tsv', '.txt']);
  writeFileAtomic(target, termFileBytes(store, format, encoding));
}

/** the store's row as the API's Term (the same shape; checked here at compile time) */
export function toTermRow(row: TermEntryRow): TermRow {
  return row;
}
