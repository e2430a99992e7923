import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterItem } from '../../native/diarize/clusterEmbeddings';
import { clusterVoices, type VoiceItem } from '../../native/diarize/clusterVoices';
import { DEFAULT_DIARIZE } from '../../native/diarize/diarize';
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

const SETTINGS = {
  linkSessions: 0.9,
  minItemS: 0,
  threshold: 0.5,
  minClusterS: 8,
  distinctBelow: 0.3,
  minVoiceS: 0.8,
  sameVoice: 0.9,
  hintRange: 0.06,
  continueGapS: 0,
  continueAlike: 0.6,
  followAlike: 0.6,
  insideGapS: 3,
  minRepeatS: 99,
  repeatUnlike: 0.8,
};
const AUTO = { exact: null, hint: null };

test('voices are found without being told how many; a stray short stretch joins a voice, a distinct one-line speaker is a voice', () => {
  const { items, truth } = voices(4, 30);
  const odd = normalise(Float32Array.from({ length: 192 }, rng(99)));
  // 0.5 s: below minVoiceS (0.8 s), a stray stretch
  const stray = clusterVoices([...items, { embedding: odd, weight: 0.5 }], SETTINGS, AUTO);
  assert.equal(new Set(stray).size, 4);
  assert.equal(purity(stray.slice(0, -1), truth), 1);
  // 1 s and unlike every voice (cosine ≈ 0 < distinctBelow): 「異議なし。」 from someone who says nothing else
  const oneLine = clusterVoices([...items, { embedding: odd, weight: 1 }], SETTINGS, AUTO);
  assert.equal(new Set(oneLine).size, 5);
  assert.ok(!oneLine.slice(0, -1).includes(oneLine[oneLine.length - 1] ?? -1));
});

test("a hint (the roster's size) merges surplus voices within its range and never splits", () => {
  const { items } = voices(4, 20, 5);
  const fine = { ...SETTINGS, threshold: 0.5, minClusterS: 0, distinctBelow: -1, sameVoice: 2 };
  assert.equal(new Set(clusterVoices(items, fine, AUTO)).size, 4);
  assert.equal(new Set(clusterVoices(items, fine, { exact: null, hint: 10 })).size, 4, 'a larger roster does not split voices');
  // voices ≈ 0 apart: a hint of 2 cannot merge them within ±0.06 of the threshold, so it does nothing
  assert.equal(new Set(clusterVoices(items, fine, { exact: null, hint: 2 })).size, 4, 'never a hard cut');
  // two voices 0.82 alike (their windows 0.79 on average): apart at threshold 0.81, one voice when the roster says only one of them can be there
  const r = rng(11);
  const a = normalise(Float32Array.from({ length: 192 }, r));
  const b = normalise(a.map((x) => x + r() * 0.16));
  const near = [a, b].flatMap((c) =>
    Array.from({ length: 20 }, () => ({ embedding: normalise(c.map((x) => x + r() * 0.045)), weight: 3 })),
  );
  const strict = { ...fine, threshold: 0.81 };
  assert.equal(new Set(clusterVoices(near, strict, AUTO)).size, 2);
  assert.equal(new Set(clusterVoices(near, strict, { exact: null, hint: 1 })).size, 1);
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

/** A direction exactly `cos` alike to `base` (the rest from a random direction made orthogonal to it). */
function alikeTo(base: Float32Array, cos: number, r: () => number): Float32Array {
  const z = Float32Array.from({ length: base.length }, r);
  let dot = 0;
  z.forEach((x, d) => {
    dot += x * (base[d] ?? 0);
  });
  const orth = normalise(z.map((x, d) => x - dot * (base[d] ?? 0)));
  return normalise(base.map((x, d) => cos * x + Math.sqrt(1 - cos * cos) * (orth[d] ?? 0)));
}

/** Back-to-back windows of one voice from `start` (seconds), each `seconds` long, a 0.4 s pause between. */
function turn(centre: Float32Array, start: number, count: number, seconds: number, r: () => number): VoiceItem[] {
  return Array.from({ length: count }, (_, k) => {
    const from = start + k * (seconds + 0.4);
    return { embedding: normalise(centre.map((x) => x + r() * 0.03)), weight: seconds, start: from, end: from + seconds };
  });
}

const endOf = (items: VoiceItem[]): number => items[items.length - 1]?.end ?? 0;

test('the end of a long turn that sounds different (0.78 alike, straight after it) stays that voice; the next speaker stays apart', () => {
  const r = rng(21);
  const a = normalise(Float32Array.from({ length: 192 }, r));
  const b = alikeTo(a, 0.3, r);
  const first = turn(a, 0, 6, 4, r);
  const tail = turn(alikeTo(a, 0.78, r), endOf(first) + 0.9, 2, 4, r);
  const next = turn(b, endOf(tail) + 1.2, 5, 4, r);
  const later = turn(a, endOf(next) + 1.2, 4, 4, r);
  const labels = clusterVoices([...first, ...tail, ...next, ...later], DEFAULT_DIARIZE, AUTO);
  assert.equal(new Set(labels).size, 2, JSON.stringify(labels));
  assert.equal(labels[6], labels[0], 'the tail is the first voice');
  assert.notEqual(labels[8], labels[0]);
});

test("an answer after the chair's call, and a single turn after a longer one that is only 0.55 alike, are voices of their own", () => {
  const r = rng(22);
  const chair = normalise(Float32Array.from({ length: 192 }, r));
  const opening = turn(chair, 0, 5, 4, r);
  const call = turn(chair, endOf(opening) + 2, 1, 1.6, r);
  // 0.78 alike to the chair, speaking once, 0.5 s after the call: the call is shorter than the answer
  const answer = turn(alikeTo(chair, 0.78, r), endOf(call) + 0.5, 2, 4, r);
  const closing = turn(chair, endOf(answer) + 2, 3, 4, r);
  const withCall = clusterVoices([...opening, ...call, ...answer, ...closing], DEFAULT_DIARIZE, AUTO);
  assert.equal(new Set(withCall).size, 2, JSON.stringify(withCall));
  // no call between them: one voice's 20 s, then another's 8 s a second later, 0.55 alike (below followAlike)
  const other = turn(alikeTo(chair, 0.55, r), endOf(opening) + 1, 2, 4, r);
  const straight = clusterVoices([...opening, ...other], DEFAULT_DIARIZE, AUTO);
  assert.equal(new Set(straight).size, 2, JSON.stringify(straight));
});

test('a voice heard in two windows needs less speech (4 s) when it is unlike every other voice; one window of 5 s does not make a voice', () => {
  const r = rng(23);
  const a = normalise(Float32Array.from({ length: 192 }, r));
  const main = turn(a, 0, 8, 4, r);
  const twice = turn(alikeTo(a, 0.6, r), endOf(main) + 3, 2, 2.5, r);
  assert.equal(new Set(clusterVoices([...main, ...twice], DEFAULT_DIARIZE, AUTO)).size, 2, '5 s in two windows, 0.6 alike: a voice');
  const alike = turn(alikeTo(a, 0.79, r), endOf(main) + 3, 2, 2.5, r);
  assert.equal(new Set(clusterVoices([...main, ...alike], DEFAULT_DIARIZE, AUTO)).size, 1, '0.79 alike: a stray stretch of the voice');
  const once = turn(alikeTo(a, 0.6, r), endOf(main) + 3, 1, 5, r);
  assert.equal(new Set(clusterVoices([...main, ...once], DEFAULT_DIARIZE, AUTO)).size, 1, 'one window below minClusterS');
});
