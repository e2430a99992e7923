// The API's term dictionary calls: import a TSV/CSV file the user picked (all or nothing), the file
// for a download (base64; the page never names a place to write), and the rows for the table.
import type { TermFileEncoding, TermFileFormat, TermImportMode, TermImportResult, TermRow } from '../../common/api';
import { GijirokuError, type LocalizedText } from '../../common/errors';
import { MAX_TERM_FILE_BYTES, notThisKindOfFile, plausibleRows, readRegularFile } from '../../files/readUserFile';
import { parseTermFile, type TermFileError } from '../../dictionary/parseTermFile';
import { serializeTermFile } from '../../dictionary/serializeTermFile';
import type { MeetingStore, TermEntryRow } from '../../store/meetingStoreContract';

/** how many bad lines an error names; the rest are counted */
const SHOWN_ERRORS = 20;
const TERM_FILE: LocalizedText = { ja: '用語辞書', en: 'term file' };

export function importTermFile(store: MeetingStore, path: string, mode: TermImportMode): TermImportResult {
  const bytes = readRegularFile(path, MAX_TERM_FILE_BYTES, TERM_FILE);
  const { entries, errors, unknownKinds } = parseTermFile(bytes, path);
  if (errors.length > 0) {
    throw plausibleRows(bytes, errors)
      ? badTermFileError(errors)
      : notThisKindOfFile(path, TERM_FILE, '表記・よみ・種別', 'surface, reading, kind');
  }
  // an empty file imported with "replace" would silently wipe the council's dictionary
  if (entries.length === 0) throw noTermsError(path);
  return { ...store.replaceTerms(entries, mode), unknownKinds };
}

export function badTermFileError(errors: TermFileError[]): GijirokuError {
  const shown = errors.slice(0, SHOWN_ERRORS);
  const more = errors.length - shown.length;
  return new GijirokuError('BAD_ARGUMENTS', {
    ja:
      `用語辞書のファイルに誤りがあるため、何も取り込んでいません（${errors.length} 件）。\n` +
      shown.map((e) => `${e.line} 行目: ${e.message.ja}`).join('\n') +
      (more > 0 ? `\nほか ${more} 件` : ''),
    en:
      `The term file has errors, so nothing was imported (${errors.length}).\n` +
      shown.map((e) => `Line ${e.line}: ${e.message.en}`).join('\n') +
      (more > 0 ? `\n… and ${more} more` : ''),
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

/** the store's row as the API's Term (the same shape; checked here at compile time) */
export function toTermRow(row: TermEntryRow): TermRow {
  return row;
}
