import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentIndexAt, turnRange, turnStarts } from '../../renderer/src/features/editor/transcript/turns';
import { segmentRow } from '../helpers/transcripts';

const ROWS = [
  segmentRow(1, 0, 7, '議長'),
  segmentRow(2, 5, 7, '続き'),
  segmentRow(3, 10, 8, '答弁'),
  segmentRow(4, 15, null, '（不明）'),
  segmentRow(5, 20, null, '（不明）'),
  segmentRow(6, 25, 8, '答弁の続き'),
];

test('a turn starts where the speaker changes; each line without a speaker is a turn of its own', () => {
  assert.deepEqual(turnStarts(ROWS), [true, false, true, true, true, true]);
  assert.deepEqual(turnStarts([]), []);
});

test('the turn around a line: its neighbours with the same speaker', () => {
  assert.deepEqual(turnRange(ROWS, 1), [0, 1]);
  assert.deepEqual(turnRange(ROWS, 2), [2, 2]);
  assert.deepEqual(turnRange(ROWS, 4), [4, 4], 'no speaker: the line alone');
  assert.deepEqual(turnRange(ROWS, 99), [99, 99]);
});

test('the line playing at a time is the last one started by then; -1 before the first', () => {
  assert.equal(segmentIndexAt(ROWS, -1), -1);
  assert.equal(segmentIndexAt(ROWS, 0), 0);
  assert.equal(segmentIndexAt(ROWS, 9.99), 1);
  assert.equal(segmentIndexAt(ROWS, 10), 2);
  assert.equal(segmentIndexAt(ROWS, 3600), 5);
  assert.equal(segmentIndexAt([], 3), -1);
});
