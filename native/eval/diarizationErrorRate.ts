import type { SpeakerTurn } from '../common/speakers';

export interface DerResult {
  /** (missed + false alarm + confusion) / scored reference speech */
  der: number;
  missed: number;
  falseAlarm: number;
  confusion: number;
  /** scored reference speech, seconds (speaker-time: overlap counts twice) */
  total: number;
  /** hypothesis speaker → reference speaker, the mapping that minimises confusion */
  mapping: Record<string, string>;
}

const STEP = 0.01;

/**
 * DER as NIST md-eval scores it, on a 10 ms grid: a `collar` (seconds) either
 * side of every reference turn boundary is not scored, and hypothesis
 * speakers are mapped one-to-one onto reference speakers to minimise confusion
 * (Hungarian assignment on overlap time).
 */
export function diarizationErrorRate(reference: SpeakerTurn[], hypothesis: SpeakerTurn[], collar = 0.25): DerResult {
  const endS = Math.max(0, ...reference.map((t) => t.end), ...hypothesis.map((t) => t.end));
  const frames = Math.ceil(endS / STEP) + 1;
  const refIds = [...new Set(reference.map((t) => t.speaker))];
  const hypIds = [...new Set(hypothesis.map((t) => t.speaker))];
  const scored = new Uint8Array(frames).fill(1);
  for (const t of reference) {
    for (const b of [t.start, t.end]) mark(scored, b - collar, b + collar, 0);
  }
  const ref = refIds.map((id) =>
    activity(
      reference.filter((t) => t.speaker === id),
      frames,
    ),
  );
  const hyp = hypIds.map((id) =>
    activity(
      hypothesis.filter((t) => t.speaker === id),
      frames,
    ),
  );
  const overlap = hyp.map((h) =>
    ref.map((r) => {
      let n = 0;
      for (let f = 0; f < frames; f++) if (scored[f] && h[f] && r[f]) n++;
      return n;
    }),
  );
  const assign = maxAssignment(overlap);
  let missed = 0;
  let falseAlarm = 0;
  let confusion = 0;
  let total = 0;
  for (let f = 0; f < frames; f++) {
    if (!scored[f]) continue;
    let nRef = 0;
    let nHyp = 0;
    for (const r of ref) nRef += r[f] ?? 0;
    for (const h of hyp) nHyp += h[f] ?? 0;
    let correct = 0;
    assign.forEach((r, h) => {
      if (r >= 0 && hyp[h]?.[f] && ref[r]?.[f]) correct++;
    });
    total += nRef;
    missed += Math.max(0, nRef - nHyp);
    falseAlarm += Math.max(0, nHyp - nRef);
    confusion += Math.min(nRef, nHyp) - correct;
  }
  const mapping: Record<string, string> = {};
  assign.forEach((r, h) => {
    if (r >= 0) mapping[hypIds[h] ?? ''] = refIds[r] ?? '';
  });
  const sec = (n: number): number => Math.round(n * STEP * 1000) / 1000;
  return {
    der: total === 0 ? 0 : (missed + falseAlarm + confusion) / total,
    missed: sec(missed),
    falseAlarm: sec(falseAlarm),
    confusion: sec(confusion),
    total: sec(total),
    mapping,
  };
}

function mark(a: Uint8Array, from: number, to: number, value: number): void {
  const lo = Math.max(0, Math.round(from / STEP));
  const hi = Math.min(a.length, Math.round(to / STEP));
  for (let f = lo; f < hi; f++) a[f] = value;
}

function activity(turns: SpeakerTurn[], frames: number): Uint8Array {
  const a = new Uint8Array(frames);
  for (const t of turns) mark(a, t.start, t.end, 1);
  return a;
}

/** Hungarian algorithm (maximising): rows → column index or -1. Works for any rectangular matrix. */
export function maxAssignment(w: number[][]): number[] {
  const rows = w.length;
  const cols = rows === 0 ? 0 : Math.max(...w.map((r) => r.length));
  const n = Math.max(rows, cols);
  if (n === 0) return [];
  const max = Math.max(0, ...w.flat());
  // square cost matrix (minimise max - w); padding costs max (= weight 0)
  const cost = (i: number, j: number): number => max - (w[i - 1]?.[j - 1] ?? 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] ?? 0;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (cur < (minv[j] ?? Infinity)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] ?? Infinity) < delta) {
          delta = minv[j] ?? Infinity;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j] ?? 0] = (u[p[j] ?? 0] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else minv[j] = (minv[j] ?? 0) - delta;
      }
      j0 = j1;
    } while ((p[j0] ?? 0) !== 0);
    do {
      const j1 = way[j0] ?? 0;
      p[j0] = p[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j] ?? 0;
    if (i >= 1 && i <= rows && j <= cols && (w[i - 1]?.[j - 1] ?? 0) > 0) out[i - 1] = j - 1;
  }
  return out;
}
