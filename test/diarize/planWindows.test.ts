import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRefinement, planWindows } from '../../native/diarize/planWindows';

const SR = 16000;
const S = { windowS: 10, changeGapS: 1.0, changeMarginS: 0.3, minRunS: 1.0 };

test('VAD regions are cut into windows near 10 s, never across a pause', () => {
  const windows = planWindows(
    [
      { start: 0, end: 4 * SR },
      { start: 5 * SR, end: 30 * SR },
    ],
    S,
  );
  assert.deepEqual(
    windows.map((w) => w.region),
    [0, 1, 1, 1],
  );
  assert.deepEqual([windows[0]?.start, windows[0]?.end, windows[1]?.start, windows[3]?.end], [0, 4 * SR, 5 * SR, 30 * SR]);
  for (let i = 2; i < windows.length; i++) assert.equal(windows[i]?.start, windows[i - 1]?.end, 'contiguous inside a region');
  assert.ok(windows.slice(1).every((w) => Math.abs((w.end - w.start) / SR - 25 / 3) < 0.01));
});

test('a window with a voice change inside is cut there; a short reply inside a region gets its own piece', () => {
  const windows = planWindows([{ start: 0, end: 12 * SR }], S);
  // A speaks to 6.0 s, B answers 6.1–7.3 s, A goes on: the VAD heard no pause
  const runs = [
    { start: 0.2, end: 6.0, track: 0 },
    { start: 6.1, end: 7.3, track: 1 },
    { start: 7.35, end: 11.8, track: 0 },
  ];
  const pieces = planRefinement(windows, runs, S);
  assert.deepEqual(
    pieces.map((p) => [p.start / SR, p.end / SR, p.window]),
    [
      [0, 6.05, 0],
      [6.05, 7.325, 0],
      [7.325, 12, 0],
    ],
  );
});

test('a change at a window edge or across a long pause is no cut; speech the VAD missed becomes pieces', () => {
  const windows = planWindows(
    [
      { start: 0, end: 5 * SR },
      { start: 8 * SR, end: 12 * SR },
    ],
    S,
  );
  const runs = [
    { start: 0.1, end: 4.9, track: 0 },
    { start: 8.1, end: 11.9, track: 1 }, // the other voice after a 3 s pause: the regions already part them
    { start: 20, end: 23, track: 2 }, // speech the VAD did not mark
    { start: 30, end: 30.5, track: 2 }, // too short to add
  ];
  const pieces = planRefinement(windows, runs, S);
  assert.deepEqual(
    pieces.map((p) => [p.start / SR, p.end / SR, p.window]),
    [[20, 23, -1]],
  );
  assert.ok((pieces[0]?.region ?? 0) >= 2, 'a region of its own');
});
