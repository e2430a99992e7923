// Which column holds what: from a header row in Japanese or English, else by position.

export type TermColumn = 'surface' | 'reading' | 'kind' | 'misrecognitions' | 'enabled' | 'note';

const HEADER_NAMES: Record<string, TermColumn> = {
  表記: 'surface',
  単語: 'surface',
  語句: 'surface',
  surface: 'surface',
  word: 'surface',
  term: 'surface',
  よみ: 'reading',
  読み: 'reading',
  読み方: 'reading',
  よみがな: 'reading',
  reading: 'reading',
  yomi: 'reading',
  種別: 'kind',
  クラス: 'kind',
  品詞: 'kind',
  分類: 'kind',
  kind: 'kind',
  class: 'kind',
  category: 'kind',
  誤認識: 'misrecognitions',
  誤変換: 'misrecognitions',
  misrecognitions: 'misrecognitions',
  misrecognition: 'misrecognitions',
  有効: 'enabled',
  enabled: 'enabled',
  使用: 'enabled',
  備考: 'note',
  メモ: 'note',
  注記: 'note',
  note: 'note',
  notes: 'note',
  comment: 'note',
};

/** Our own column order, also used when a file has no header. */
export const DEFAULT_COLUMNS: TermColumn[] = ['surface', 'reading', 'kind', 'misrecognitions', 'enabled', 'note'];

/** The header's columns, or null when the row is data (no cell names the 表記 column). */
export function headerColumns(fields: string[]): Array<TermColumn | null> | null {
  const cols = fields.map(
    (f) =>
      HEADER_NAMES[
        f
          .trim()
          .replace(/[（(].*$/, '')
          .toLowerCase()
      ] ?? null,
  );
  return cols.includes('surface') ? cols : null;
}

const TRUE_WORDS = new Set(['', '1', 'true', 'yes', 'y', 'on', '有効', 'はい', '○', '〇', '◯', 'する']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'off', '無効', 'いいえ', '×', '✕', 'しない']);

export function parseEnabled(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return null;
}

export function splitMisrecognitions(value: string): string[] {
  return value
    .split(/[｜|;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
