import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelledSpan } from '../../native/diarize/buildTurns';
import { DEFAULT_DIARIZE } from '../../native/diarize/diarize';
import { shortTurnCandidates, splitAtShortTurns } from '../../native/diarize/shortTurns';
import { normalise } from '../../native/diarize/speakerEmbedder';

const RATE = 16_000;

/** Speech-like bursts (a tone at `level`) separated by pauses of room noise 40 dB down; [seconds of sound, seconds of pause] pairs. */
function bursts(plan: [number, number][], level = 0.3): Float32Array {
  const total = plan.reduce((n, [a, b]) => n + a + b, 0);
  const x = new Float32Array(Math.round(total * RATE));
  let seed = 7;
  let i = 0;
  for (const [sound, pause] of plan) {
    for (let k = 0; k < Math.round(sound * RATE); k++, i++) x[i] = level * Math.sin((2 * Math.PI * 180 * k) / RATE);
    for (let k = 0; k < Math.round(pause * RATE); k++, i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      x[i] = level * 0.01 * (seed / 2147483648 - 0.5);
    }
  }
  return x;
}

test('the speech between two short pauses (≥ turnDipS) is a candidate, alone or with its neighbour, when 0.55–2 s long', () => {
  // 3 s, pause 0.1, 0.8 s, pause 0.1, 3 s: the VAD (0.3 s pauses) hears one stretch
  const x = bursts([
    [3, 0.1],
    [0.8, 0.1],
    [3, 0],
  ]);
  const found = shortTurnCandidates(x, DEFAULT_DIARIZE).map((c) => [c.start / RATE, c.end / RATE]);
  const inner = found.find(([a, b]) => Math.abs((a ?? 0) - 3.1) < 0.03 && Math.abs((b ?? 0) - 3.9) < 0.03);
  assert.ok(inner, JSON.stringify(found));
  // the 3 s parts are too long to be candidates
  assert.ok(found.every(([a, b]) => (b ?? 0) - (a ?? 0) <= DEFAULT_DIARIZE.turnMaxS));
  // a pause shorter than turnDipS (0.03 s) does not part the speech
  assert.equal(
    shortTurnCandidates(
      bursts([
        [3, 0.03],
        [0.8, 0.03],
        [3, 0],
      ]),
      DEFAULT_DIARIZE,
    ).length,
    0,
  );
  // a stretch shorter than turnScanS is not searched
  assert.equal(
    shortTurnCandidates(
      bursts([
        [0.8, 0.1],
        [0.8, 0],
      ]),
      DEFAULT_DIARIZE,
    ).length,
    0,
  );
});

test('a candidate becomes a turn only when it is clearly more like another voice than like the voice around it', () => {
  const a = normalise(Float32Array.from({ length: 192 }, (_, d) => (d === 0 ? 1 : 0)));
  const b = normalise(Float32Array.from({ length: 192 }, (_, d) => (d === 1 ? 1 : 0)));
  const spans: LabelledSpan[] = [{ start: 10, end: 17, cluster: 0, embedding: a }];
  const turn = (e: Float32Array): { span: number; start: number; end: number; embedding: Float32Array } => ({
    span: 4,
    start: 13 * RATE,
    end: 14 * RATE,
    embedding: e,
  });
  const like = (x: number, y: number): Float32Array =>
    normalise(Float32Array.from({ length: 192 }, (_, d) => (d === 0 ? x : d === 1 ? y : 0)));
  // 0.89 like b, 0.45 like a: cut out as b's turn
  const split = splitAtShortTurns(spans, [4], [turn(like(0.5, 1))], [a, b], DEFAULT_DIARIZE);
  assert.deepEqual(
    split.map((s) => [s.start, s.end, s.cluster]),
    [
      [10, 13, 0],
      [13, 14, 1],
      [14, 17, 0],
    ],
  );
  // as like a as b (0.71 each): left to a
  assert.equal(splitAtShortTurns(spans, [4], [turn(like(1, 1))], [a, b], DEFAULT_DIARIZE).length, 1);
  // a candidate from another span (source 5) does not touch this one
  assert.equal(splitAtShortTurns(spans, [4], [{ ...turn(like(0.5, 1)), span: 5 }], [a, b], DEFAULT_DIARIZE).length, 1);
});
