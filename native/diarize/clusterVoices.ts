import { centroidItem, clusterEmbeddings, cosine, groupBy, type ClusterItem } from './clusterEmbeddings';
import type { DiarizeSettings } from './diarize';

/** An embedded window: its embedding, seconds of speech and, when known, where it lies (seconds). */
export interface VoiceItem extends ClusterItem {
  start?: number;
  end?: number;
}

/** The settings clustering reads (described in DiarizeSettings). */
export type VoiceSettings = Pick<
  DiarizeSettings,
  | 'linkSessions'
  | 'minItemS'
  | 'threshold'
  | 'minClusterS'
  | 'distinctBelow'
  | 'minVoiceS'
  | 'sameVoice'
  | 'hintRange'
  | 'continueGapS'
  | 'continueAlike'
  | 'followAlike'
  | 'insideGapS'
  | 'minRepeatS'
  | 'repeatUnlike'
>;

/**
 * Embedded windows → voices (a label 0..k-1 per item). Average-linkage clusters
 * with at least `minClusterS` of speech are voices; a smaller one is a voice of
 * its own only when it is unlike every larger voice (a one-line speaker such as
 * 「異議なし。」 or 「３番。」), else it is a stray stretch of a larger voice and
 * joins the most similar one. The minimum does not grow with the meeting: a
 * plenary's one-line speakers are as short in hour four as in minute ten.
 *
 * A hinted count (the roster's size: everyone who may speak) only merges: when
 * the automatic cut finds more voices than the hint, the smallest voice joins the
 * one most like it while that one is at least threshold − `hintRange` alike;
 * fewer voices than attendees is normal.
 */
export function clusterVoices(
  items: VoiceItem[],
  s: VoiceSettings,
  count: { exact: number | null; hint: number | null },
  sessions: number[] = [],
): number[] {
  if (items.length === 0) return [];
  const parts = groupBy(sessions.length === items.length ? sessions : items.map(() => 0));
  const auto = parts.length > 1 ? linkSessions(items, parts, s) : clusterSession(items, s);
  if (count.exact !== null) return toldCount(items, s, auto, count.exact, parts.length === 1);
  return count.hint === null ? auto : mergeDown(items, auto, count.hint, s.threshold - s.hintRange);
}

/**
 * A told count: more voices than told are merged (the smallest into the one most like it: a surplus
 * voice is mostly a stray stretch); fewer are looked for with finer cuts, where two halves of one voice
 * still merge (sameVoice), so a cut finer than the voices allow finds nothing and the voices stay as found.
 */
function toldCount(items: VoiceItem[], s: VoiceSettings, auto: number[], n: number, finer: boolean): number[] {
  const found = groupBy(auto).length;
  if (found > n) return mergeDown(items, auto, n);
  if (found < n && finer) {
    for (let t = s.threshold + 0.02; t < 1; t += 0.02) {
      const labels = clusterSession(items, { ...s, threshold: t });
      if (groupBy(labels).length >= n) return mergeDown(items, labels, n);
    }
  }
  return auto;
}

/**
 * A day of sittings: the voices of each session (between recesses) are found
 * on their own, then a voice of one session is linked to a voice of another when
 * their means are at least `linkSessions` alike (average linkage; two voices of
 * one session are never joined). A mean over a whole session is a far cleaner
 * voice than any 10 s window, so the link can be strict where a window-level cut
 * could not: different people with near-identical voices stay apart.
 */
function linkSessions(items: VoiceItem[], parts: number[][], s: VoiceSettings): number[] {
  const voices: { item: VoiceItem; session: number; members: number[] }[] = [];
  parts.forEach((part, session) => {
    const labels = clusterSession(
      part.map((i) => items[i] as VoiceItem),
      s,
    );
    groupBy(labels).forEach((g) => {
      const members = g.map((k) => part[k] as number);
      voices.push({ item: centroidItem(members.map((i) => items[i] as VoiceItem)), session, members });
    });
  });
  // average linkage over session voices, weighted by seconds, with cannot-link inside a session
  let clusters = voices.map((v) => ({ members: [v], sessions: new Set([v.session]) }));
  for (;;) {
    let best: [number, number] | null = null;
    let bv = -Infinity;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const A = clusters[a] as (typeof clusters)[number];
        const B = clusters[b] as (typeof clusters)[number];
        if ([...A.sessions].some((x) => B.sessions.has(x))) continue;
        let sum = 0;
        let weight = 0;
        for (const x of A.members)
          for (const y of B.members) {
            const w = x.item.weight * y.item.weight;
            sum += w * cosine(x.item.embedding, y.item.embedding);
            weight += w;
          }
        const sim = weight > 0 ? sum / weight : -Infinity;
        if (sim > bv) {
          bv = sim;
          best = [a, b];
        }
      }
    }
    if (!best || bv < s.linkSessions) break;
    const [a, b] = best;
    const A = clusters[a] as (typeof clusters)[number];
    const B = clusters[b] as (typeof clusters)[number];
    clusters[a] = { members: [...A.members, ...B.members], sessions: new Set([...A.sessions, ...B.sessions]) };
    clusters = clusters.filter((_, k) => k !== b);
  }
  const labels = new Array<number>(items.length).fill(0);
  clusters.forEach((c, k) => {
    for (const v of c.members) for (const i of v.members) labels[i] = k;
  });
  return labels;
}

/** One session: the windows ≥ minItemS shape the voices, the shorter ones join the voice most like them. */
function clusterSession(items: VoiceItem[], s: VoiceSettings): number[] {
  const core = items.map((_, i) => i).filter((i) => (items[i] as VoiceItem).weight >= s.minItemS);
  if (core.length < 2 || core.length === items.length) return voicesAt(items, s, s.threshold).labels;
  const coreLabels = voicesAt(
    core.map((i) => items[i] as VoiceItem),
    s,
    s.threshold,
  ).labels;
  const voices = groupBy(coreLabels).map((g) => centroidItem(g.map((k) => items[core[k] as number] as VoiceItem)));
  const labels = items.map((it) => nearest(it, voices));
  core.forEach((i, k) => {
    labels[i] = coreLabels[k] ?? 0;
  });
  return labels;
}

function nearest(item: VoiceItem, voices: VoiceItem[]): number {
  let best = 0;
  let bv = -Infinity;
  voices.forEach((v, k) => {
    const sim = cosine(item.embedding, v.embedding);
    if (sim > bv) {
      bv = sim;
      best = k;
    }
  });
  return best;
}

/** The voices of the cut at `threshold`: labels renumbered 0..count-1. */
function voicesAt(items: VoiceItem[], s: VoiceSettings, threshold: number): { labels: number[]; count: number } {
  const labels = clusterEmbeddings(items, threshold);
  const groups = groupBy(labels);
  const centroids = groups.map((g) => centroidItem(g.map((i) => items[i] as VoiceItem)));
  const order = centroids.map((_, g) => g).sort((a, b) => (centroids[b] as VoiceItem).weight - (centroids[a] as VoiceItem).weight);
  const voices: number[] = [];
  for (const g of order) {
    const c = centroids[g] as VoiceItem;
    const large = c.weight >= s.minClusterS;
    const nearest = Math.max(-1, ...voices.map((v) => cosine(c.embedding, (centroids[v] as VoiceItem).embedding)));
    const distinct = c.weight >= s.minVoiceS && nearest < s.distinctBelow;
    const repeated = c.weight >= s.minRepeatS && (groups[g] as number[]).length >= 2 && nearest < s.repeatUnlike;
    if (large || distinct || repeated || voices.length === 0) voices.push(g);
  }
  let merged = labels;
  // two voices whose means are all but equal are one voice split in two
  for (;;) {
    const pair = mostAlike(voices, centroids);
    if (!pair || pair.similarity < s.sameVoice) break;
    const [keep, drop] = pair.groups;
    merged = merged.map((g) => (g === drop ? keep : g));
    (groups[keep] as number[]).push(...(groups[drop] as number[]));
    centroids[keep] = centroidItem((groups[keep] as number[]).map((i) => items[i] as VoiceItem));
    voices.splice(voices.indexOf(drop), 1);
  }
  absorbContinuations(items, merged, groups, centroids, voices, s);
  return { labels: joinNearest(merged, centroids, voices), count: voices.length };
}

/**
 * A voice whose every stretch follows straight on from a longer stretch of one larger voice (a
 * pause of at most `continueGapS`) is that voice's turn sounding different at its end (a long turn's
 * last stretch), not a new speaker, when it is at least `followAlike` like it, or `continueAlike`
 * when that voice speaks again within `insideGapS` after it (the stretch lies inside its turn): it joins that
 * voice. An answer after the chair's call is not taken for one: the call is shorter than the answer.
 */
function absorbContinuations(
  items: VoiceItem[],
  labels: number[],
  groups: number[][],
  centroids: VoiceItem[],
  voices: number[],
  s: VoiceSettings,
): void {
  if (!(s.continueGapS > 0) || items.some((it) => it.start === undefined || it.end === undefined)) return;
  const order = items.map((_, i) => i).sort((a, b) => (items[a]?.start ?? 0) - (items[b]?.start ?? 0));
  for (;;) {
    const voiceOf = joinNearest(labels, centroids, voices).map((v) => voices[v] ?? 0);
    const stretches = stretchesOf(
      order.map((i) => items[i] as VoiceItem),
      order.map((i) => voiceOf[i] ?? 0),
      s.continueGapS,
    );
    const byWeight = [...voices].sort((a, b) => (centroids[a] as VoiceItem).weight - (centroids[b] as VoiceItem).weight);
    const hostOf = (g: number): number => {
      const own = stretches.filter((t) => t.group === g);
      const hosts = new Set(own.map((t) => t.after?.group ?? -1));
      const host = [...hosts][0] ?? -1;
      if (hosts.size !== 1 || host < 0 || !voices.includes(host) || own.some((t) => !t.after || t.after.seconds < t.seconds)) return -1;
      const c = centroids[g] as VoiceItem;
      const h = centroids[host] as VoiceItem;
      const similarity = cosine(c.embedding, h.embedding);
      const inside = own.every((t) => t.next?.group === host && t.nextGap <= s.insideGapS);
      const nearest = voices.every((v) => v === g || cosine(c.embedding, (centroids[v] as VoiceItem).embedding) <= similarity);
      return h.weight > c.weight && nearest && similarity >= (inside ? s.continueAlike : s.followAlike) ? host : -1;
    };
    const x = byWeight.find((g) => hostOf(g) >= 0);
    if (x === undefined) return;
    const host = hostOf(x);
    for (let i = 0; i < labels.length; i++) if (voiceOf[i] === x) labels[i] = host;
    groups.forEach((_, g) => {
      groups[g] = labels.flatMap((l, i) => (l === g ? [i] : []));
    });
    centroids[host] = centroidItem((groups[host] as number[]).map((i) => items[i] as VoiceItem));
    voices.splice(voices.indexOf(x), 1);
  }
}

interface Stretch {
  group: number;
  seconds: number;
  /** the stretch just before it, within `gapS` */
  after: Stretch | null;
  /** the stretch after it, and the pause before that one */
  next: Stretch | null;
  nextGap: number;
}

/** Time-ordered items → stretches of one voice without a pause longer than `gapS`. */
function stretchesOf(items: VoiceItem[], groupOf: number[], gapS: number): Stretch[] {
  const out: Stretch[] = [];
  let end = -Infinity;
  let current: Stretch | null = null;
  let from = 0;
  items.forEach((it, k) => {
    const g = groupOf[k] ?? 0;
    const start = it.start ?? 0;
    const gap = start - end;
    if (current && current.group === g && gap <= gapS) current.seconds = (it.end ?? 0) - from;
    else {
      const previous: Stretch | null = current;
      current = {
        group: g,
        seconds: (it.end ?? 0) - start,
        after: previous && gap <= gapS ? previous : null,
        next: null,
        nextGap: Infinity,
      };
      if (previous) {
        previous.next = current;
        previous.nextGap = gap;
      }
      from = start;
      out.push(current);
    }
    end = it.end ?? 0;
  });
  return out;
}

/** Every group that is not a voice joins the voice whose mean is most like its own; voices renumbered 0..k-1. */
function joinNearest(labels: number[], centroids: VoiceItem[], voices: number[]): number[] {
  const renumber = new Map<number, number>();
  for (const v of voices) renumber.set(v, renumber.size);
  const target = centroids.map((c, g) => {
    if (renumber.has(g)) return renumber.get(g) ?? 0;
    let best = 0;
    let bv = -Infinity;
    for (const v of voices) {
      const sim = cosine(c.embedding, (centroids[v] as VoiceItem).embedding);
      if (sim > bv) {
        bv = sim;
        best = renumber.get(v) ?? 0;
      }
    }
    return best;
  });
  return labels.map((g) => target[g] ?? 0);
}

function mostAlike(voices: number[], centroids: VoiceItem[]): { groups: [number, number]; similarity: number } | null {
  let best: { groups: [number, number]; similarity: number } | null = null;
  for (let x = 0; x < voices.length; x++) {
    for (let y = x + 1; y < voices.length; y++) {
      const a = voices[x] as number;
      const b = voices[y] as number;
      const sim = cosine((centroids[a] as VoiceItem).embedding, (centroids[b] as VoiceItem).embedding);
      if (!best || sim > best.similarity) best = { groups: [a, b], similarity: sim };
    }
  }
  return best;
}

/**
 * Voices (labels 0..k-1) merged until `n` remain: each time the one with least speech into the voice
 * most like it, as long as that one is at least `minSimilarity` alike (a hint stops there; a told count does not).
 */
function mergeDown(items: VoiceItem[], labels: number[], n: number, minSimilarity = -Infinity): number[] {
  let groups = groupBy(labels);
  while (groups.length > n) {
    const centroids = groups.map((g) => centroidItem(g.map((i) => items[i] as VoiceItem)));
    let drop = 0;
    centroids.forEach((c, g) => {
      if (c.weight < (centroids[drop] as VoiceItem).weight) drop = g;
    });
    let keep = -1;
    let bv = -Infinity;
    centroids.forEach((c, g) => {
      if (g === drop) return;
      const sim = cosine(c.embedding, (centroids[drop] as VoiceItem).embedding);
      if (sim > bv) {
        bv = sim;
        keep = g;
      }
    });
    if (keep < 0 || bv < minSimilarity) break;
    (groups[keep] as number[]).push(...(groups[drop] as number[]));
    groups = groups.filter((_, g) => g !== drop);
  }
  const out = new Array<number>(items.length).fill(0);
  groups.forEach((g, k) => {
    for (const i of g) out[i] = k;
  });
  return out;
}
