import { encodeTermText, type TermFileEncoding } from './decodeTermBytes';
import { writeDelimited } from './delimitedText';
import type { TermEntry } from './termEntry';

export interface TermFileOptions {
  format: 'tsv' | 'csv';
  encoding: TermFileEncoding;
}

export const TERM_FILE_HEADER = ['表記', 'よみ', '種別', '誤認識', '有効', '備考'];

/** Writes the file parseTermFile reads back to the same entries; CRLF, as Excel does. */
export function serializeTermFile(entries: TermEntry[], options: TermFileOptions): Buffer {
  const rows = [
    TERM_FILE_HEADER,
    ...entries.map((e) => [e.surface, e.reading, e.kind, e.misrecognitions.join('｜'), e.enabled ? '有効' : '無効', e.note]),
  ];
  return encodeTermText(writeDelimited(rows, options.format === 'csv' ? ',' : '\t'), options.encoding);
}
