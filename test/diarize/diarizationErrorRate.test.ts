import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diarizationErrorRate, maxAssignment } from '../../native/eval/diarizationErrorRate';
import { parseRttm, toRttm } from '../../native/eval/rttm';

const reference = parseRttm(
  ['SPEAKER m 1 0.000 10.000 <NA> <NA> A <NA> <NA>', 'SPEAKER m 1 10.000 10.000 <NA> <NA> B <NA> <NA>'].join('\n'),
);

test('DER of a hand-checked example, with and without the 0.25 s collar', () => {
  // x says A's part and 2 s of B's; B's 15–16 s is missed; z speaks where nobody does
  const hypothesis = [
    { start: 0, end: 12, speaker: 'x' },
    { start: 12, end: 15, speaker: 'y' },
    { start: 16, end: 20, speaker: 'y' },
    { start: 25, end: 26, speaker: 'z' },
  ];
  const plain = diarizationErrorRate(reference, hypothesis, 0);
  assert.deepEqual(plain.mapping, { x: 'A', y: 'B' });
  assert.equal(plain.total, 20);
  assert.equal(plain.confusion, 2);
  assert.equal(plain.missed, 1);
  assert.equal(plain.falseAlarm, 1);
  assert.ok(Math.abs(plain.der - 4 / 20) < 1e-9);
  // collar: 0–0.25, 9.75–10.25 and 19.75–20 are not scored → 19 s of reference; confusion 10.25–12
  const collared = diarizationErrorRate(reference, hypothesis, 0.25);
  assert.equal(collared.total, 19);
  assert.equal(collared.confusion, 1.75);
  assert.ok(Math.abs(collared.der - 3.75 / 19) < 1e-9, String(collared.der));
});

test('DER does not depend on the names the hypothesis uses, and is 0 for a perfect answer', () => {
  assert.equal(
    diarizationErrorRate(reference, [
      { start: 0, end: 10, speaker: 'S2' },
      { start: 10, end: 20, speaker: 'S1' },
    ]).der,
    0,
  );
  // one voice for both: half the speech is confused
  const one = diarizationErrorRate(reference, [{ start: 0, end: 20, speaker: 'S1' }], 0);
  assert.equal(one.der, 0.5);
});

test('optimal one-to-one mapping (Hungarian), square and rectangular', () => {
  assert.deepEqual(
    maxAssignment([
      [1, 5],
      [4, 2],
    ]),
    [1, 0],
  );
  // greedy would give row 0 column 0 (9) and lose 8+8
  assert.deepEqual(
    maxAssignment([
      [9, 8],
      [8, 0],
    ]),
    [1, 0],
  );
  assert.deepEqual(
    maxAssignment([
      [3, 0],
      [0, 2],
      [1, 1],
    ]),
    [0, 1, -1],
  );
  assert.deepEqual(maxAssignment([[0, 7, 1]]), [1]);
});

test('RTTM round trip', () => {
  const turns = [{ start: 0.656, end: 3.428, speaker: 'gicho' }];
  assert.deepEqual(parseRttm(toRttm('m01', turns)), turns);
});
