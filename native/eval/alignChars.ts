/**
 * Character alignment of a hypothesis with a reference (Levenshtein, with the
 * edit path), for measures that need to know where the errors are: utterances
 * lost, error characters inside or outside marked words.
 */
export type AlignOp = 'match' | 'sub' | 'del' | 'ins';

export interface AlignStep {
  op: AlignOp;
  /** index in the reference (for 'ins': the reference index the insertion comes before) */
  ref: number;
  /** index in the hypothesis (for 'del': the hypothesis index the deletion comes before) */
  hyp: number;
}

/** Above this many cells the alignment keeps to a band around the diagonal. */
const FULL_CELLS = 40e6;
const BAND = 2500;

export function alignChars(ref: readonly string[], hyp: readonly string[]): AlignStep[] {
  const n = ref.length;
  const m = hyp.length;
  const band = (n + 1) * (m + 1) <= FULL_CELLS ? Infinity : Math.max(BAND, Math.abs(n - m) + BAND);
  // direction of the best step into each cell: 0 diagonal, 1 up (deletion), 2 left (insertion)
  const lo = (i: number): number => Math.max(0, Math.floor((i * m) / Math.max(1, n) - band));
  const hi = (i: number): number => Math.min(m, Math.ceil((i * m) / Math.max(1, n) + band));
  const rows: { from: number; dir: Uint8Array }[] = [];
  let prevLo = 0;
  let prevRow = new Int32Array(hi(0) - lo(0) + 1);
  for (let j = 0; j < prevRow.length; j++) prevRow[j] = j;
  rows.push({ from: 0, dir: new Uint8Array(prevRow.length).fill(2) });
  for (let i = 1; i <= n; i++) {
    const from = lo(i);
    const to = hi(i);
    const row = new Int32Array(to - from + 1);
    const dir = new Uint8Array(to - from + 1);
    const at = (j: number): number => (j >= prevLo && j < prevLo + prevRow.length ? (prevRow[j - prevLo] ?? Infinity) : Infinity);
    for (let j = from; j <= to; j++) {
      const up = at(j) + 1;
      const diag = j > 0 ? at(j - 1) + (ref[i - 1] === hyp[j - 1] ? 0 : 1) : Infinity;
      const left = j > from ? (row[j - from - 1] ?? Infinity) + 1 : Infinity;
      let best = diag;
      let d = 0;
      if (up < best) {
        best = up;
        d = 1;
      }
      if (left < best) {
        best = left;
        d = 2;
      }
      row[j - from] = best;
      dir[j - from] = d;
    }
    rows.push({ from, dir });
    prevRow = row;
    prevLo = from;
  }
  const steps: AlignStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const row = rows[i];
    const d = i === 0 ? 2 : j === 0 ? 1 : (row?.dir[j - (row?.from ?? 0)] ?? 1);
    if (d === 0) {
      steps.push({ op: ref[i - 1] === hyp[j - 1] ? 'match' : 'sub', ref: i - 1, hyp: j - 1 });
      i--;
      j--;
    } else if (d === 1) {
      steps.push({ op: 'del', ref: i - 1, hyp: j });
      i--;
    } else {
      steps.push({ op: 'ins', ref: i, hyp: j - 1 });
      j--;
    }
  }
  return steps.reverse();
}
