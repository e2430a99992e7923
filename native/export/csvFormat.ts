// Segments as CSV for Excel: UTF-8 with a BOM (else Excel reads Shift_JIS and shows mojibake),
// CRLF rows, RFC 4180 quoting. Same signature as the writers in subtitleFormats.ts.
import type { SubtitleLine, TranscriptWriter } from './subtitleFormats';
import { formulaSafe } from '../files/spreadsheetCells';

const HEADER = ['start', 'end', 'speaker', 'text'];

function clock(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

export function csvField(value: string): string {
  const safe = formulaSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export const toCsv: TranscriptWriter = (segments: SubtitleLine[]) =>
  `\uFEFF${csvRow(HEADER)}${segments.map((s) => csvRow([clock(s.start), clock(s.end), s.speaker ?? '', s.text])).join('')}`;
