import { decodeTermBytes, type TermFileEncoding } from './decodeTermBytes';
import { delimitedFormat, readDelimited, type DelimitedRow } from './delimitedText';
import { hasKanji, isKanaOnly, toHiragana } from './kana';
import { DEFAULT_COLUMNS, headerColumns, parseEnabled, splitMisrecognitions, type TermColumn } from './termColumns';
import { builtinKind, MAX_KIND_LENGTH, type TermEntry } from './termEntry';

export interface TermFileError {
  /** 1-based line in the file */
  line: number;
  message: { ja: string; en: string };
}

export interface TermFileResult {
  /** empty whenever `errors` is not: an import with a bad row imports nothing */
  entries: TermEntry[];
  errors: TermFileError[];
  encoding: TermFileEncoding;
  format: 'tsv' | 'csv';
  /** true for a header-less 表記/読み/クラス list from another tool */
  wordList: boolean;
  /** 種別 the app does not know, kept as written (they count as その他 when terms are ranked), in order of first use */
  unknownKinds: string[];
}

export function parseTermFile(bytes: Buffer, fileName: string): TermFileResult {
  const { text, encoding } = decodeTermBytes(bytes);
  const format = delimitedFormat(fileName, text);
  const { rows: allRows, errors } = readDelimited(text, format === 'csv' ? ',' : '\t');
  // MS-IME exports start with "!Microsoft IME Dictionary Tool" comment lines.
  const rows = allRows.filter((r) => !r.fields[0]!.startsWith('!'));
  let columns: Array<TermColumn | null> = DEFAULT_COLUMNS;
  let wordList = false;
  const header = rows[0] ? headerColumns(rows[0].fields) : null;
  if (header) {
    columns = header;
    rows.shift();
  } else if (rows.every((r) => r.fields.length <= 3)) {
    wordList = true;
    if (readingFirst(rows)) columns = ['reading', 'surface', 'kind'];
  }
  const entries: TermEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const entry = rowToEntry(row, columns, errors);
    if (!entry) continue;
    const key = `${entry.surface}\t${entry.reading}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line: row.line,
        message: {
          ja: `「${entry.surface}（${entry.reading}）」は ${first} 行目と重複しています。`,
          en: `"${entry.surface}" (${entry.reading}) duplicates line ${first}.`,
        },
      });
      continue;
    }
    seen.set(key, row.line);
    entries.push(entry);
  }
  errors.sort((a, b) => a.line - b.line);
  const unknownKinds = [...new Set(entries.map((e) => e.kind).filter((k) => builtinKind(k) === null))];
  return { entries: errors.length > 0 ? [] : entries, errors, encoding, format, wordList, unknownKinds };
}

/** MS-IME writes よみ before 語句: every first cell is kana and some second cell is not. */
function readingFirst(rows: DelimitedRow[]): boolean {
  return (
    rows.length > 0 &&
    rows.every((r) => isKanaOnly(r.fields[0]!.trim())) &&
    rows.some((r) => r.fields[1] !== undefined && !isKanaOnly(r.fields[1].trim()))
  );
}

function rowToEntry(row: DelimitedRow, columns: Array<TermColumn | null>, errors: TermFileError[]): TermEntry | null {
  const cell = (c: TermColumn): string => {
    const i = columns.indexOf(c);
    return i < 0 ? '' : (row.fields[i] ?? '').trim();
  };
  const fail = (ja: string, en: string): null => {
    errors.push({ line: row.line, message: { ja, en } });
    return null;
  };
  const surface = cell('surface');
  if (surface === '') return fail('表記が空です。', 'The surface form (表記) is empty.');
  const rawReading = cell('reading');
  if (rawReading === '') return fail(`「${surface}」のよみが空です。`, `"${surface}" has no reading (よみ).`);
  if (hasKanji(rawReading)) {
    return fail(
      `「${surface}」のよみ「${rawReading}」に漢字が含まれています。よみはひらがなかカタカナで書いてください。`,
      `The reading "${rawReading}" of "${surface}" contains kanji; write it in hiragana or katakana.`,
    );
  }
  if (!isKanaOnly(rawReading)) {
    return fail(
      `「${surface}」のよみ「${rawReading}」にかな以外の文字があります。`,
      `The reading "${rawReading}" of "${surface}" has characters other than kana.`,
    );
  }
  const kind = cell('kind') || 'その他';
  if ([...kind].length > MAX_KIND_LENGTH) {
    return fail(
      `「${surface}」の種別「${kind.slice(0, MAX_KIND_LENGTH)}…」が長すぎます（${MAX_KIND_LENGTH} 文字まで）。列の並びを確かめてください。`,
      `"${surface}" has a kind longer than ${MAX_KIND_LENGTH} characters; check the order of the columns.`,
    );
  }
  const enabled = parseEnabled(cell('enabled'));
  if (enabled === null) {
    return fail(
      `「${surface}」の有効欄「${cell('enabled')}」が読めません（有効／無効、1／0）。`,
      `"${surface}" has an unreadable enabled value "${cell('enabled')}" (use 有効/無効 or 1/0).`,
    );
  }
  return {
    surface,
    reading: toHiragana(rawReading.replace(/[\s　]/g, '')),
    kind,
    misrecognitions: splitMisrecognitions(cell('misrecognitions')),
    enabled,
    note: cell('note'),
  };
}
