// Cells of a CSV/TSV that Excel opens: one starting with = + - @ (or a tab or CR, which Excel skips
// before one) is run as a formula — =HYPERLINK(…) in a shared dictionary sends whoever clicks it
// somewhere, =cmd|… asks to run a program. Every such cell we write gets a leading apostrophe (Excel
// shows the text as it is), and our own reader takes it off again, so export → import is lossless.
const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function withoutFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
