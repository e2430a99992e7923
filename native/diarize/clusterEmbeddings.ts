/** One thing to cluster: an L2-normalised embedding and how much speech it stands for. */
export interface ClusterItem {
  embedding: Float32Array;
  /** seconds of speech */
  weight: number;
}

/** Above this many items, clustering runs in two stages so memory stays bounded (n² similarities). */
const MAX_DIRECT = 1500;

/**
 * Average-linkage (UPGMA) agglomerative clustering on cosine similarity,
 * weighted by speech seconds, stopped when the best pair is less alike than
 * `threshold` (or at `minClusters`). Returns a cluster index per item, 0..k-1.
 * A long meeting (more than MAX_DIRECT items) first gathers tight
 * micro-clusters per block of consecutive items, then clusters their centroids.
 */
export function clusterEmbeddings(items: ClusterItem[], threshold: number, minClusters = 1): number[] {
  if (items.length === 0) return [];
  if (items.length <= MAX_DIRECT) return agglomerate(items, similarities(items), threshold, minClusters);
  const labels = new Array<number>(items.length).fill(0);
  const micro: ClusterItem[] = [];
  for (let from = 0; from < items.length; from += MAX_DIRECT) {
    const block = items.slice(from, from + MAX_DIRECT);
    const local = agglomerate(block, similarities(block), Math.min(0.9, threshold + 0.1));
    const base = micro.length;
    for (const members of groupBy(local)) micro.push(centroidItem(members.map((i) => block[i] as ClusterItem)));
    local.forEach((g, i) => {
      labels[from + i] = base + g;
    });
  }
  const top = clusterEmbeddings(micro, threshold, minClusters);
  return labels.map((m) => top[m] ?? 0);
}

export function groupBy(labels: number[]): number[][] {
  const groups: number[][] = [];
  labels.forEach((g, i) => {
    (groups[g] ??= []).push(i);
  });
  return groups;
}

export function centroidItem(members: ClusterItem[]): ClusterItem {
  const dim = members[0]?.embedding.length ?? 0;
  const sum = new Float32Array(dim);
  let weight = 0;
  for (const m of members) {
    for (let d = 0; d < dim; d++) sum[d] = (sum[d] ?? 0) + (m.embedding[d] ?? 0) * m.weight;
    weight += m.weight;
  }
  let norm = 0;
  for (const x of sum) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dim; d++) sum[d] = (sum[d] ?? 0) / norm;
  return { embedding: sum, weight };
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += (a[d] ?? 0) * (b[d] ?? 0);
  return s;
}

function similarities(items: ClusterItem[]): Float32Array {
  const n = items.length;
  const sim = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = cosine((items[i] as ClusterItem).embedding, (items[j] as ClusterItem).embedding);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  return sim;
}

/** UPGMA with a cached best partner per row: O(n²) memory and, in practice, time. Stops below `threshold`. */
function agglomerate(items: ClusterItem[], similarity: Float32Array, threshold: number, minClusters = 1): number[] {
  const n = items.length;
  const sim = Float32Array.from(similarity);
  const size = items.map((it) => it.weight);
  const alive = new Array<boolean>(n).fill(true);
  const parent = Array.from({ length: n }, (_, i) => i);
  const best = new Int32Array(n).fill(-1);
  const refresh = (i: number): void => {
    let b = -1;
    let bv = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i || !alive[j]) continue;
      const v = sim[i * n + j] ?? -Infinity;
      if (v > bv) {
        bv = v;
        b = j;
      }
    }
    best[i] = b;
  };
  for (let i = 0; i < n; i++) refresh(i);
  let clusters = n;

  while (clusters > minClusters) {
    let a = -1;
    let bv = -Infinity;
    for (let i = 0; i < n; i++) {
      const j = best[i] ?? -1;
      if (!alive[i] || j < 0) continue;
      const v = sim[i * n + j] ?? -Infinity;
      if (v > bv) {
        bv = v;
        a = i;
      }
    }
    if (a < 0) break;
    const b = best[a] ?? -1;
    if (bv < threshold) break;
    const sa = size[a] ?? 0;
    const sb = size[b] ?? 0;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a || k === b) continue;
      const v = ((sim[a * n + k] ?? 0) * sa + (sim[b * n + k] ?? 0) * sb) / (sa + sb || 1);
      sim[a * n + k] = v;
      sim[k * n + a] = v;
    }
    alive[b] = false;
    parent[b] = a;
    size[a] = sa + sb;
    clusters--;
    for (let k = 0; k < n; k++) {
      if (!alive[k]) continue;
      if (k === a || best[k] === a || best[k] === b) refresh(k);
      else if ((sim[k * n + a] ?? -Infinity) > (sim[k * n + (best[k] ?? 0)] ?? -Infinity)) best[k] = a;
    }
  }
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const ids = new Map<number, number>();
  return items.map((_, i) => {
    const r = root(i);
    if (!ids.has(r)) ids.set(r, ids.size);
    return ids.get(r) ?? 0;
  });
}
