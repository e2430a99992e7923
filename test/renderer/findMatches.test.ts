import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMatches, findPattern } from '../../renderer/src/features/editor/find/findMatches';
import { segmentRow } from '../helpers/transcripts';

const SEGMENTS = [
  segmentRow(1, 0, 1, '保育園の入園について、保育園の定員は1.5倍です。'),
  segmentRow(2, 5, 2, 'Hoikuen と hoikuen、105人。'),
  segmentRow(3, 10, 1, '以上です。'),
].map((s) => s.text);

function pattern(find: string, regex = false, caseSensitive = false): RegExp {
  const p = findPattern({ find, regex, caseSensitive });
  assert.ok(p instanceof RegExp, `a pattern for ${find}`);
  return p;
}

test('every hit in every line, with the line index and the characters it covers', () => {
  assert.deepEqual(findMatches(SEGMENTS, pattern('保育園')), [
    { segmentIndex: 0, from: 0, to: 3 },
    { segmentIndex: 0, from: 11, to: 14 },
  ]);
});

test('plain text is taken literally: 1.5 does not find 105', () => {
  assert.deepEqual(
    findMatches(SEGMENTS, pattern('1.5')).map((m) => m.segmentIndex),
    [0],
  );
  assert.deepEqual(
    findMatches(SEGMENTS, pattern('1.5', true)).map((m) => m.segmentIndex),
    [0, 1],
    'as a regex . is any character',
  );
});

test('case-insensitive unless asked', () => {
  assert.equal(findMatches(SEGMENTS, pattern('hoikuen')).length, 2);
  assert.equal(findMatches(SEGMENTS, pattern('hoikuen', false, true)).length, 1);
});

test('an empty query finds nothing; a broken regex is an Error to show, not a throw', () => {
  assert.equal(findPattern({ find: '', regex: false, caseSensitive: false }), null);
  assert.ok(findPattern({ find: '保育(園', regex: true, caseSensitive: false }) instanceof Error);
});

test('empty matches (x*) are skipped, and the same pattern can be used again', () => {
  const p = pattern('x*', true);
  assert.deepEqual(findMatches(SEGMENTS, p), []);
  const again = pattern('です', true);
  assert.equal(findMatches(SEGMENTS, again).length, 2);
  assert.equal(findMatches(SEGMENTS, again).length, 2);
});

test('at most 5,000 hits, however many lines match', () => {
  const many = Array.from({ length: 3000 }, () => 'ああ');
  assert.equal(findMatches(many, pattern('あ')).length, 5000);
});
