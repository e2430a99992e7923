import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageGaps, listenedSeconds } from '../../renderer/src/features/editor/timeline/coverageGaps';

test('nothing listened: the whole recording is one gap', () => {
  assert.deepEqual(coverageGaps([], 60), [[0, 60]]);
});

test('the stretches between what was listened, in order even when coverage comes unsorted', () => {
  assert.deepEqual(
    coverageGaps(
      [
        [30, 40],
        [0, 10],
      ],
      60,
    ),
    [
      [10, 30],
      [40, 60],
    ],
  );
});

test('gaps shorter than half a second are not worth showing', () => {
  assert.deepEqual(
    coverageGaps(
      [
        [0, 10],
        [10.3, 59.8],
      ],
      60,
    ),
    [],
  );
  assert.deepEqual(
    coverageGaps(
      [
        [0, 10],
        [10.3, 59.8],
      ],
      60,
      0.1,
    ),
    [
      [10, 10.3],
      [59.8, 60],
    ],
  );
});

test('coverage past the end of the recording does not make a gap past it', () => {
  assert.deepEqual(
    coverageGaps(
      [
        [0, 5],
        [50, 70],
      ],
      60,
    ),
    [[5, 50]],
  );
});

test('seconds listened add up the stretches', () => {
  assert.equal(
    listenedSeconds([
      [0, 10],
      [30, 40.5],
    ]),
    20.5,
  );
  assert.equal(listenedSeconds([]), 0);
});
