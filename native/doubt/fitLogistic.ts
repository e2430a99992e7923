/**
 * L2-regularised logistic regression by Newton's method on standardised features: a few
 * dozen features and tens of thousands of words converge in under ten steps. Used by the
 * training script (bench/trainDoubt.ts); pure.
 */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], l2 = 1, steps = 25): LogisticFit {
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows)
    r.forEach((x, j) => {
      mean[j]! += x / n;
    });
  for (const r of rows)
    r.forEach((x, j) => {
      scale[j]! += (x - mean[j]!) ** 2 / n;
    });
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = rows.map((r) => [1, ...r.map((x, j) => (x - mean[j]!) / scale[j]!)]);
  let beta = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((x, i) => {
      const p = sigmoid(dot(beta, x));
      const w = Math.max(p * (1 - p), 1e-9);
      const e = p - labels[i]!;
      for (let a = 0; a <= d; a++) {
        grad[a]! += e * x[a]!;
        const row = hess[a]!;
        for (let b = a; b <= d; b++) row[b]! += w * x[a]! * x[b]!;
      }
    });
    for (let a = 1; a <= d; a++) {
      grad[a]! += l2 * beta[a]!;
      hess[a]![a]! += l2;
    }
    for (let a = 0; a <= d; a++) for (let b = 0; b < a; b++) hess[a]![b] = hess[b]![a]!;
    const delta = solve(hess, grad);
    beta = beta.map((v, k) => v - delta[k]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-8) break;
  }
  return { mean, scale, bias: beta[0]!, weights: beta.slice(1) };
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function predictLogistic(fit: LogisticFit, x: readonly number[]): number {
  let s = fit.bias;
  for (let j = 0; j < fit.weights.length; j++) s += fit.weights[j]! * ((x[j]! - fit.mean[j]!) / fit.scale[j]!);
  return sigmoid(s);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const m = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const p = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}
