import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterItem } from '../../native/diarize/clusterEmbeddings';
import { clusterVoices } from '../../native/diarize/clusterVoices';
import { normalise } from '../../native/diarize/speakerEmbedder';

/** Deterministic pseudo-random numbers (a test must not change from run to run). */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648 - 0.5;
  };
}

/** Voices as random directions in 192 dimensions; each item is its voice plus noise (cosine to the voice ≈ 0.98). */
function voices(count: number, perVoice: number, seed = 1): { items: ClusterItem[]; truth: number[] } {
  const r = rng(seed);
  const centres = Array.from({ length: count }, () => normalise(Float32Array.from({ length: 192 }, r)));
  const items: ClusterItem[] = [];
  const truth: number[] = [];
  for (let i = 0; i < count * perVoice; i++) {
    const v = i % count;
    const c = centres[v] as Float32Array;
    items.push({ embedding: normalise(c.map((x) => x + r() * 0.045)), weight: 3 });
    truth.push(v);
  }
  return { items, truth };
}

function purity(labels: number[], truth: number[]): number {
  const counts = new Map<string, number>();
  labels.forEach((l, i) => counts.set(`${l}:${truth[i]}`, (counts.get(`${l}:${truth[i]}`) ?? 0) + 1));
  const best = new Map<number, number>();
  for (const [k, n] of counts) {
    const l = Number(k.split(':')[0]);
    best.set(l, Math.max(best.get(l) ?? 0, n));
  }
  return [...best.values()].reduce((a, b) => a + b, 0) / labels.length;
}

const SETTINGS = { minItemS: 0, threshold: 0.5, minClusterS: 8, distinctBelow: 0.3, minVoiceS: 0.8, sameVoice: 0.9, hintRange: 0.06 };
const AUTO = { exact: null, hint: null };

test('voices are found without being told how many; an outlier stretch joins a voice', () => {
  const { items, truth } = voices(4, 30);
  const odd = normalise(Float32Array.from({ length: 192 }, rng(99)));
  const labels = clusterVoices([...items, { embedding: odd, weight: 1 }], { ...SETTINGS, distinctBelow: -1 }, AUTO);
  assert.equal(new Set(labels).size, 4);
  assert.equal(purity(labels.slice(0, -1), truth), 1);
});

test('a told count: more voices than told merge, fewer than told are looked for with finer cuts', () => {
  const { items, truth } = voices(3, 20, 7);
  assert.equal(new Set(clusterVoices(items, SETTINGS, { exact: 2, hint: null })).size, 2);
  // at threshold -0.5 everything would become one voice; told 3, finer cuts bring the 3 voices back
  const three = clusterVoices(items, { ...SETTINGS, threshold: -0.5 }, { exact: 3, hint: null });
  assert.equal(new Set(three).size, 3);
  assert.equal(purity(three, truth), 1);
});

test('a long meeting (more windows than fit one similarity matrix) is clustered in two stages, just as well', () => {
  const { items, truth } = voices(5, 420, 3); // 2,100 windows > 1,500
  const labels = clusterVoices(items, SETTINGS, AUTO);
  assert.equal(new Set(labels).size, 5);
  assert.equal(purity(labels, truth), 1);
});
