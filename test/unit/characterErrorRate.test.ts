import { test } from 'node:test';
import assert from 'node:assert/strict';
import { characterErrorRate, editDistance, normalizeForCer, parseJapaneseNumber } from '../../native/eval/characterErrorRate';

test('number styles compare equal', () => {
  assert.equal(parseJapaneseNumber('四百二十万'), 4200000);
  assert.equal(parseJapaneseNumber('420万'), 4200000);
  assert.equal(parseJapaneseNumber('百二十'), 120);
  assert.equal(parseJapaneseNumber('二〇二四'), 2024);
  assert.equal(normalizeForCer('約四百二十万人、第四回。'), normalizeForCer('約420万人 第4回'));
  assert.equal(normalizeForCer('８パーセント'), normalizeForCer('8%'));
});

test('punctuation, spaces and width do not count', () => {
  assert.equal(characterErrorRate('会議を開きます。', '会議を 開きます'), 0);
  assert.equal(characterErrorRate('ＡＩ', 'AI'), 0);
});

test('edit distance', () => {
  assert.equal(editDistance('議案第', '議案大'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.ok(Math.abs(characterErrorRate('鈴木健太郎', '鈴木県太郎') - 0.2) < 1e-9);
});
