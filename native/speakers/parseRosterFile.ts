// The 出席者 list a clerk writes in Excel: 氏名, よみ, 職名, 議席, 記号 — TSV or CSV, UTF-8 (with or
// without BOM) or Shift_JIS, with a Japanese or English header row or none. A file with a bad row
// imports nothing; every bad row is reported by its line.
import type { RosterMember } from '../common/speakers';
import { decodeTermBytes, type TermFileEncoding } from '../dictionary/decodeTermBytes';
import { delimitedFormat, readDelimited, type DelimitedRow } from '../dictionary/delimitedText';
import { hasKanji, isKanaOnly, toHiragana } from '../dictionary/kana';
import { kanjiToNumber } from './japaneseNumber';

export type RosterColumn = keyof RosterMember;

export interface RosterFileError {
  /** 1-based line in the file */
  line: number;
  message: { ja: string; en: string };
}

export interface RosterFileResult {
  /** empty whenever `errors` is not */
  members: RosterMember[];
  errors: RosterFileError[];
  encoding: TermFileEncoding;
  format: 'tsv' | 'csv';
}

/** Column order of a header-less file, and of the files we write. */
export const ROSTER_COLUMNS: RosterColumn[] = ['name', 'yomi', 'role', 'seat', 'mark'];

const HEADER_NAMES: Record<string, RosterColumn> = {
  氏名: 'name',
  名前: 'name',
  議員名: 'name',
  name: 'name',
  よみ: 'yomi',
  読み: 'yomi',
  ふりがな: 'yomi',
  フリガナ: 'yomi',
  よみがな: 'yomi',
  yomi: 'yomi',
  reading: 'yomi',
  職名: 'role',
  役職: 'role',
  職: 'role',
  role: 'role',
  title: 'role',
  議席: 'seat',
  議席番号: 'seat',
  番号: 'seat',
  seat: 'seat',
  記号: 'mark',
  発言記号: 'mark',
  mark: 'mark',
};

const MARKS = new Set(['', '○', '◆', '◎', '◯', '〇', '●', '◇', '△', '□']);

export function parseRosterFile(bytes: Buffer, fileName: string): RosterFileResult {
  const { text, encoding } = decodeTermBytes(bytes);
  const format = delimitedFormat(fileName, text);
  const { rows, errors } = readDelimited(text, format === 'csv' ? ',' : '\t');
  let columns: Array<RosterColumn | null> = ROSTER_COLUMNS;
  const header = rows[0] ? headerColumns(rows[0].fields) : null;
  if (header) {
    columns = header;
    rows.shift();
  }
  const members: RosterMember[] = [];
  const seenName = new Map<string, number>();
  const seenSeat = new Map<string, number>();
  for (const row of rows) {
    const m = rowToMember(row, columns, errors);
    if (!m) continue;
    const fail = (ja: string, en: string): void => {
      errors.push({ line: row.line, message: { ja, en } });
    };
    const firstName = seenName.get(m.name);
    if (firstName !== undefined) {
      fail(`「${m.name}」は ${firstName} 行目と重複しています。`, `"${m.name}" duplicates line ${firstName}.`);
      continue;
    }
    const firstSeat = m.seat ? seenSeat.get(m.seat) : undefined;
    if (firstSeat !== undefined) {
      fail(`議席 ${m.seat} は ${firstSeat} 行目と重複しています。`, `Seat ${m.seat} duplicates line ${firstSeat}.`);
      continue;
    }
    seenName.set(m.name, row.line);
    if (m.seat) seenSeat.set(m.seat, row.line);
    members.push(m);
  }
  if (errors.length === 0 && members.length === 0) {
    errors.push({ line: 1, message: { ja: '出席者が一人も書かれていません。', en: 'The file lists no attendees.' } });
  }
  errors.sort((a, b) => a.line - b.line);
  return { members: errors.length > 0 ? [] : members, errors, encoding, format };
}

/** The header's columns, or null when the first row is data (no cell names the 氏名 column). */
function headerColumns(fields: string[]): Array<RosterColumn | null> | null {
  const cols = fields.map(
    (f) =>
      HEADER_NAMES[
        f
          .trim()
          .replace(/[（(].*$/, '')
          .toLowerCase()
      ] ?? null,
  );
  return cols.includes('name') ? cols : null;
}

/** 議席 as plain digits: '5', '５', '五', '5番', '第五' all become '5'. */
export function normaliseSeat(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/^第/, '')
    .replace(/番$/, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (s === '') return '';
  if (/^\d+$/.test(s)) return String(Number(s));
  const n = kanjiToNumber(s);
  return n === null ? null : String(n);
}

function rowToMember(row: DelimitedRow, columns: Array<RosterColumn | null>, errors: RosterFileError[]): RosterMember | null {
  const cell = (c: RosterColumn): string => {
    const i = columns.indexOf(c);
    return i < 0 ? '' : (row.fields[i] ?? '').trim();
  };
  const fail = (ja: string, en: string): null => {
    errors.push({ line: row.line, message: { ja, en } });
    return null;
  };
  const name = cell('name').replace(/[\s　]+/g, '');
  if (name === '') return fail('氏名が空です。', 'The name (氏名) is empty.');
  const rawYomi = cell('yomi');
  if (rawYomi !== '' && (hasKanji(rawYomi) || !isKanaOnly(rawYomi))) {
    return fail(
      `「${name}」のよみ「${rawYomi}」にかな以外の文字があります。ひらがなかカタカナで書いてください。`,
      `The reading "${rawYomi}" of "${name}" has characters other than kana; write it in hiragana or katakana.`,
    );
  }
  const seat = normaliseSeat(cell('seat'));
  if (seat === null) {
    return fail(`「${name}」の議席「${cell('seat')}」が番号として読めません。`, `The seat "${cell('seat')}" of "${name}" is not a number.`);
  }
  const role = cell('role');
  if (role === '' && seat === '') {
    return fail(
      `「${name}」に職名も議席もありません。どちらかを書いてください。`,
      `"${name}" has neither a role (職名) nor a seat (議席).`,
    );
  }
  const mark = cell('mark');
  if (!MARKS.has(mark)) {
    return fail(
      `「${name}」の記号「${mark}」は使えません（○ ◆ ◎ など一文字）。`,
      `The mark "${mark}" of "${name}" is not a speaker mark (○, ◆, ◎ …).`,
    );
  }
  return { name, yomi: toHiragana(rawYomi.replace(/[\s　・]/g, '')), role, seat, mark };
}
