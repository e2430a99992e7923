/** One thing to cluster: an L2-normalised embedding and how much speech it stands for. */
export interface ClusterItem {
  embedding: Float32Array;
  /** seconds of speech */
  weight: number;
}

export interface ClusterSettings {
  /** auto mode: stop merging when the average cosine similarity between two clusters falls below this */
  threshold: number;
  /** clusters with less speech than this (seconds) are not voices of their own but outliers, joined to the nearest voice */
  minClusterS: number;
  /** the number of voices when the user knows it; null = decided by the threshold */
  speakers: number | null;
  /** auto mode: voices whose mean embeddings are at least this similar are one voice split in two */
  sameVoice?: number;
}

/** Above this many items, clustering runs in two stages so memory stays bounded (n² similarities). */
const MAX_DIRECT = 1500;

/**
 * Average-linkage (UPGMA) agglomerative clustering on cosine similarity,
 * weighted by speech seconds. Returns a cluster index per item, 0..k-1.
 */
export function clusterEmbeddings(items: ClusterItem[], settings: ClusterSettings): number[] {
  if (items.length === 0) return [];
  if (items.length <= MAX_DIRECT) {
    const sim = similarities(items);
    if (settings.speakers === null) return finish(items, agglomerate(items, sim, settings.threshold), settings);
    const cut = cutForCount(items, sim, settings.speakers, settings.threshold, settings.minClusterS);
    return finish(items, cut.labels, { ...settings, minClusterS: cut.minClusterS, maxVoices: settings.speakers });
  }
  // long meetings: tight micro-clusters per block of consecutive items, then the voices over their centroids
  const labels = new Array<number>(items.length).fill(0);
  const micro: ClusterItem[] = [];
  for (let from = 0; from < items.length; from += MAX_DIRECT) {
    const block = items.slice(from, from + MAX_DIRECT);
    const local = agglomerate(block, similarities(block), Math.min(0.9, settings.threshold + 0.1));
    const base = micro.length;
    const groups = groupBy(local);
    for (const members of groups) {
      micro.push(centroidItem(members.map((i) => block[i] as ClusterItem)));
    }
    local.forEach((g, i) => { labels[from + i] = base + g; });
  }
  const top = clusterEmbeddings(micro, settings);
  return labels.map((m) => top[m] ?? 0);
}

function groupBy(labels: number[]): number[][] {
  const groups: number[][] = [];
  labels.forEach((g, i) => { (groups[g] ??= []).push(i); });
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

/**
 * With a told number of voices: the automatic cut when it has at least
 * `count` voices (finish() then merges the most alike down to `count`), else
 * ever finer cuts until it does. Cutting straight at `count` clusters would
 * spend clusters on outlier stretches.
 */
function cutForCount(items: ClusterItem[], sim: Float32Array, count: number, threshold: number, minClusterS: number): { labels: number[]; minClusterS: number } {
  for (let t = threshold; t < 1; t += 0.02) {
    const labels = agglomerate(items, sim, t);
    if (voices(items, labels, minClusterS) >= count) return { labels, minClusterS };
  }
  // a short recording: too little speech per voice to tell outliers apart; cut at `count` clusters
  return { labels: agglomerate(items, sim, -Infinity, count), minClusterS: 0 };
}

function voices(items: ClusterItem[], labels: number[], minClusterS: number): number {
  const weights: number[] = [];
  labels.forEach((g, i) => { weights[g] = (weights[g] ?? 0) + (items[i] as ClusterItem).weight; });
  return weights.filter((w) => w >= minClusterS).length;
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
      if (v > bv) { bv = v; b = j; }
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
      if (v > bv) { bv = v; a = i; }
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

/** Outlier clusters (little speech) join the most similar voice; labels renumbered 0..k-1. */
function finish(items: ClusterItem[], labels: number[], settings: ClusterSettings & { maxVoices?: number }): number[] {
  const groups = groupBy(labels);
  const centroids = groups.map((g) => centroidItem(g.map((i) => items[i] as ClusterItem)));
  const big = centroids.map((c, g) => (c.weight >= settings.minClusterS ? g : -1)).filter((g) => g >= 0);
  // more voices than told, or two voices whose means are all but equal: the two most alike become one
  const told = settings.maxVoices;
  while (big.length > 1) {
    let pair: [number, number] = [0, 1];
    let pv = -Infinity;
    for (let x = 0; x < big.length; x++) {
      for (let y = x + 1; y < big.length; y++) {
        const v = cosine((centroids[big[x] ?? 0] as ClusterItem).embedding, (centroids[big[y] ?? 0] as ClusterItem).embedding);
        if (v > pv) { pv = v; pair = [x, y]; }
      }
    }
    const tooMany = told !== undefined && big.length > told;
    const oneVoice = told === undefined && pv >= (settings.sameVoice ?? Infinity);
    if (!tooMany && !oneVoice) break;
    const keep = big[pair[0]] ?? 0;
    const drop = big[pair[1]] ?? 0;
    labels = labels.map((g) => (g === drop ? keep : g));
    (groups[keep] ?? []).push(...(groups[drop] ?? []));
    centroids[keep] = centroidItem((groups[keep] ?? []).map((i) => items[i] as ClusterItem));
    big.splice(pair[1], 1);
  }
  if (big.length === 0) return labels.map(() => 0);
  const target = centroids.map((c, g) => {
    if (big.includes(g)) return g;
    let bestG = big[0] ?? 0;
    let bv = -Infinity;
    for (const h of big) {
      const v = cosine(c.embedding, (centroids[h] as ClusterItem).embedding);
      if (v > bv) { bv = v; bestG = h; }
    }
    return bestG;
  });
  const renumber = new Map<number, number>();
  for (const g of big) renumber.set(g, renumber.size);
  return labels.map((g) => renumber.get(target[g] ?? 0) ?? 0);
}
