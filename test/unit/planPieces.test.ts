import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chunkPieces,
  orphanSpeech,
  pieceToRecording,
  piecesForOrphans,
  planPieces,
  rangeToRecording,
} from '../../native/engine/planPieces';

const S = 16000;
const settings = { pad: 0.3 * S, maxPiece: 29.5 * S, lookback: 10 * S };

test('pieces hold only speech, never longer than one whisper window', () => {
  // 10 s speech, a 60 s recess, 3 × 12 s of speech with short pauses
  const regions = [
    { start: 1 * S, end: 11 * S },
    { start: 71 * S, end: 83 * S },
    { start: 83.5 * S, end: 95.5 * S },
    { start: 96 * S, end: 108 * S },
  ];
  const pieces = planPieces(regions, 120 * S, settings);
  for (const p of pieces) assert.ok(p.length <= settings.maxPiece, `piece ${p.index} is ${p.length / S} s`);
  const covered = pieces.flatMap((p) => p.spans).reduce((n, s) => n + s.length, 0);
  assert.ok(covered < 50 * S, `the recess must not be transcribed (covered ${covered / S} s)`);
  for (const r of regions) {
    const inside = pieces.some((p) => p.spans.some((s) => s.from <= r.start && s.from + s.length >= r.end));
    assert.ok(inside, `region ${r.start / S}–${r.end / S} s is in one span`);
  }
});

test('a full piece is cut at the longest pause near its end', () => {
  const regions = [
    { start: 0, end: 10 * S },
    { start: 10.4 * S, end: 20 * S }, // 0.4 s pause
    { start: 22 * S, end: 26 * S }, // 2 s pause: the turn change
    { start: 26.4 * S, end: 32 * S },
    { start: 32.4 * S, end: 40 * S },
  ];
  const pieces = planPieces(regions, 41 * S, settings);
  assert.equal(pieces.length, 2);
  const second = pieces[1]?.spans[0];
  assert.ok(
    second && Math.abs(second.from - (22 * S - 0.3 * S)) < 1,
    `second piece starts at the turn change, not at ${second ? second.from / S : '?'} s`,
  );
});

test('piece time maps back to recording time across a join', () => {
  const pieces = planPieces(
    [
      { start: 10 * S, end: 12 * S },
      { start: 50 * S, end: 52 * S },
    ],
    60 * S,
    settings,
  );
  const p = pieces[0];
  assert.ok(p);
  assert.equal(pieceToRecording(p, 0), 9.7 * S);
  assert.equal(pieceToRecording(p, 2.5 * S), 9.7 * S + 2.5 * S);
  // 0.1 s into the second span
  assert.equal(pieceToRecording(p, 2.6 * S + 0.1 * S), 49.7 * S + 0.1 * S);
});

test('a region longer than a window is split evenly', () => {
  const pieces = planPieces([{ start: 0, end: 70 * S }], 70 * S, settings);
  assert.equal(pieces.length, 3);
  assert.ok(pieces.every((p) => p.length <= settings.maxPiece));
  assert.equal(chunkPieces(pieces, 2).length, 2);
});

test('no speech, no pieces', () => {
  assert.deepEqual(planPieces([], 60 * S, settings), []);
});

test('a word stamped from the padding before a join starts at the join', () => {
  const pieces = planPieces(
    [
      { start: 10 * S, end: 12 * S },
      { start: 50 * S, end: 52 * S },
    ],
    60 * S,
    settings,
  );
  const p = pieces[0];
  assert.ok(p);
  // piece time 2.3 s is in the first span's padding; the word ends 1 s into the second span
  const [from, to] = rangeToRecording(p, 2.3 * S, 3.6 * S, S);
  assert.equal(from, 49.7 * S);
  assert.equal(to, 49.7 * S + 1.0 * S);
  // a range mostly before the join keeps its start
  assert.deepEqual(rangeToRecording(p, 1.0 * S, 2.7 * S, S), [10.7 * S, 49.7 * S + 0.1 * S]);
});

test('speech another VAD heard outside every piece is planned into pieces of its own, fragments together', () => {
  const SR = 16000;
  const pieces = planPieces([{ start: 1 * SR, end: 5 * SR }], 60 * SR, { pad: 0.3 * SR, maxPiece: 29.5 * SR, lookback: 10 * SR });
  // the union of two VADs: the first region again (held), and three fragments the first VAD missed
  const speech = [
    { start: 0.9 * SR, end: 5.2 * SR },
    { start: 20 * SR, end: 21 * SR },
    { start: 21.4 * SR, end: 23 * SR },
    { start: 24 * SR, end: 24.1 * SR },
  ];
  const orphans = piecesForOrphans(orphanSpeech(speech, pieces, 0.3 * SR), 1000, {
    pad: 0.1 * SR,
    maxPiece: 29.5 * SR,
    lookback: 10 * SR,
    totalSamples: 60 * SR,
  });
  assert.equal(orphans.length, 1, 'the fragments share one piece, for context');
  assert.equal(orphans[0]!.index, 1000);
  const held = pieces[0]!.spans[0]!;
  for (const s of orphans[0]!.spans) assert.ok(s.from >= held.from + held.length, 'nothing a piece already holds is decoded twice');
  assert.ok(
    orphans[0]!.spans.every((s) => s.from + s.length <= 23.1 * SR),
    'a 0.1 s edge is not speech left out',
  );
});
