import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coveredIntervals, DEFAULT_COVERAGE, findHoles, speechInPiece } from '../../native/engine/coverage';
import { cutHoles, holePiece, wordsInHole } from '../../native/engine/holePieces';
import type { Piece } from '../../native/engine/planPieces';
import type { RawSegment, RawToken } from '../../native/whisper/parseWhisperJson';

const SR = 16000;
const tok = (text: string, startMs: number, endMs: number, dtwMs?: number): RawToken =>
  dtwMs === undefined ? { text, startMs, endMs, p: 0.9 } : { text, startMs, endMs, p: 0.9, dtwMs };
const seg = (tokens: RawToken[]): RawSegment => ({
  startMs: tokens[0]?.startMs ?? 0,
  endMs: tokens.at(-1)?.endMs ?? 0,
  text: tokens.map((t) => t.text).join(''),
  tokens,
});

/** A piece of three recording regions laid end to end: 10–14 s, 20–26 s, 40–43 s of the recording. */
const piece: Piece = {
  index: 3,
  spans: [
    { from: 10 * SR, at: 0, length: 4 * SR },
    { from: 20 * SR, at: 4 * SR, length: 6 * SR },
    { from: 40 * SR, at: 10 * SR, length: 3 * SR },
  ],
  length: 13 * SR,
};
const regions = [
  { start: 10.2 * SR, end: 13.8 * SR },
  { start: 20.2 * SR, end: 25.8 * SR },
  { start: 40.2 * SR, end: 42.8 * SR },
];

test('speech regions are mapped into piece time', () => {
  assert.deepEqual(
    speechInPiece(piece, regions, SR).map((i) => [Math.round(i.start), Math.round(i.end)]),
    [
      [200, 3800],
      [4200, 9800],
      [10200, 12800],
    ],
  );
});

test('whisper stopped after the first region: the rest of the piece is one hole', () => {
  const words = seg([
    tok('ただいま', 200, 800),
    tok('から', 800, 1200),
    tok('会議', 1200, 2000),
    tok('を', 2000, 2400),
    tok('開き', 2400, 3200),
    tok('ます', 3200, 3700),
  ]);
  const holes = findHoles(speechInPiece(piece, regions, SR), coveredIntervals([words]));
  assert.deepEqual(
    holes.map((h) => [Math.round(h.start), Math.round(h.end)]),
    [[4200, 12800]],
  );
});

test('words whisper smeared over the audio (one character per second and a half) cover nothing', () => {
  const smeared = seg([tok('以上', 200, 600), tok('です', 600, 1000), tok('他', 1000, 2500), tok('に', 2500, 4000), tok('よ', 4000, 5500)]);
  const covered = coveredIntervals([smeared]);
  assert.ok(
    covered.every((c) => c.end <= 1000 + DEFAULT_COVERAGE.slackMs),
    JSON.stringify(covered),
  );
});

test('DTW times, when whisper-cli gives them, decide where a word is', () => {
  const late = seg([tok('異議', 100, 200, 10_300), tok('なし', 200, 300, 10_800)]);
  const covered = coveredIntervals([late]);
  assert.equal(covered.length, 1);
  assert.ok(covered[0]!.start > 9000 && covered[0]!.end < 12000);
});

test('a short stretch without words is no hole; words everywhere leave none', () => {
  const everywhere = seg(
    [200, 1200, 2200, 3200, 4200, 5200, 6200, 7200, 8200, 9200, 10200, 11200, 12200].map((t) => tok('あ', t, t + 400)),
  );
  assert.deepEqual(findHoles(speechInPiece(piece, regions, SR), coveredIntervals([everywhere])), []);
  const gap = seg([tok('はい', 200, 3700), tok('はい', 4200, 9800)].flatMap((t) => [t])); // 3.5 s per word: smeared
  assert.ok(findHoles(speechInPiece(piece, regions, SR), coveredIntervals([gap])).length > 0);
});

test('a hole becomes a piece of its own over the same recording audio, padded within the piece', () => {
  const p = holePiece(piece, { start: 4200, end: 12800 }, 301, 200, SR);
  assert.equal(p.index, 301);
  assert.deepEqual(p.spans, [
    { from: 20 * SR, at: 0, length: 6 * SR },
    { from: 40 * SR, at: 6 * SR, length: 3 * SR },
  ]);
  assert.equal(p.length, 9 * SR);
});

test('words placed in a hole that got its own text are cut; a segment around it becomes two', () => {
  const s = seg([tok('前', 0, 500), tok('の', 500, 900), tok('幻', 5000, 5400), tok('後', 11000, 11400)]);
  const cut = cutHoles([s], [{ start: 4000, end: 9000 }], 500);
  assert.deepEqual(
    cut.map((x) => x.text),
    ['前の', '後'],
  );
  assert.equal(wordsInHole([s], { start: 4000, end: 9000 }), 1);
  assert.equal(wordsInHole(cut, { start: 4000, end: 9000 }), 0);
});
