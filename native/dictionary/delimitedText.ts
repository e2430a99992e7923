// RFC 4180 records for CSV; TSV uses the same quoting rules (Excel quotes TSV fields that hold
// a tab, a quote or a line break), so one reader serves both.
import { formulaSafe, withoutFormulaGuard } from '../files/spreadsheetCells';

export interface DelimitedRow {
  /** 1-based line where the record starts */
  line: number;
  fields: string[];
}

export interface DelimitedError {
  line: number;
  message: { ja: string; en: string };
}

/** the rows of a TSV/CSV; a formula guard our writer added is taken off again */
export function readDelimited(text: string, delimiter: ',' | '\t'): { rows: DelimitedRow[]; errors: DelimitedError[] } {
  const { rows, errors } = readDelimitedCells(text, delimiter);
  return { rows: rows.map((r) => ({ ...r, fields: r.fields.map(withoutFormulaGuard) })), errors };
}

function readDelimitedCells(text: string, delimiter: ',' | '\t'): { rows: DelimitedRow[]; errors: DelimitedError[] } {
  const rows: DelimitedRow[] = [];
  const errors: DelimitedError[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let broken = false;
    for (;;) {
      if (text[i] === '"' && field === '') {
        const close = readQuoted(text, i + 1);
        if (close === null) {
          errors.push({
            line: startLine,
            message: {
              ja: '引用符（"）が閉じられていません。',
              en: 'A quoted field is never closed (missing ").',
            },
          });
          return { rows, errors };
        }
        field = close.value;
        line += close.newlines;
        i = close.next;
        if (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          broken = true;
          errors.push({
            line: startLine,
            message: {
              ja: '引用符（"）の後に区切り文字以外の文字があります。',
              en: 'Characters follow a closing quote (").',
            },
          });
          while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
        }
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"' && !broken) {
            broken = true;
            errors.push({
              line: startLine,
              message: {
                ja: '引用符（"）が項目の途中にあります。項目全体を "" で囲み、" は "" と書いてください。',
                en: 'A quote (") appears inside an unquoted field; quote the whole field and double the quote.',
              },
            });
          }
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (i < text.length && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!broken && !(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ line: startLine, fields });
  }
  return { rows, errors };
}

function readQuoted(text: string, from: number): { value: string; next: number; newlines: number } | null {
  let value = '';
  let newlines = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, next: i + 1, newlines };
    }
    if (c === '\n') newlines++;
    value += c;
    i++;
  }
  return null;
}

/** TSV or CSV: by the file's extension, else by its first line (a tab, or no comma, means TSV). */
export function delimitedFormat(fileName: string, text: string): 'tsv' | 'csv' {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv') return 'tsv';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') || !firstLine.includes(',') ? 'tsv' : 'csv';
}

/** formula-safe cells (native/files/spreadsheetCells.ts): a term list is opened in Excel */
export function writeDelimited(rows: string[][], delimiter: ',' | '\t'): string {
  const quote = (cell: string): string => {
    const f = formulaSafe(cell);
    return f.includes(delimiter) || /["\r\n]/.test(f) || f !== f.trim() ? `"${f.replace(/"/g, '""')}"` : f;
  };
  // CRLF: what Excel writes and expects.
  return rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}
