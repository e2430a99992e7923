import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { parseRosterFile } from '../../native/speakers/parseRosterFile';
import { ROOT } from '../helpers/fixtures';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'roster');

test('a UTF-8 TSV with BOM and a Japanese header', () => {
  const r = parseRosterFile(readFileSync(join(FIXTURES, 'm01-honkaigi.tsv')), 'm01-honkaigi.tsv');
  assert.deepEqual(r.errors, []);
  assert.equal(r.encoding, 'utf8bom');
  assert.equal(r.format, 'tsv');
  assert.deepEqual(r.members[0], { name: '佐藤正義', yomi: 'さとうまさよし', role: '議長', seat: '20', mark: '' });
  assert.equal(r.members.length, 5);
});

test('a Shift_JIS CSV with an English header: katakana よみ to hiragana, 五 and １２ seats to digits', () => {
  const r = parseRosterFile(readFileSync(join(FIXTURES, 'm02-kosei.csv')), 'm02-kosei.csv');
  assert.deepEqual(r.errors, []);
  assert.equal(r.encoding, 'shift_jis');
  assert.equal(r.format, 'csv');
  assert.deepEqual(
    r.members.map((m) => [m.name, m.yomi, m.role, m.seat]),
    [
      ['小林宏', 'こばやしひろし', '委員長', '8'],
      ['鈴木健太郎', 'すずきけんたろう', '委員', '5'],
      ['山本由美子', 'やまもとゆみこ', '委員', '12'],
      ['伊藤直子', 'いとうなおこ', '保育課長', ''],
    ],
  );
});

test('a header-less file in the column order 氏名, よみ, 職名, 議席, 記号; spaces inside a name dropped', () => {
  const text = '鈴木 健太郎\tすずき けんたろう\t委員\t5\t◆\r\n高橋誠\t\t区長\t\t◎\r\n';
  const r = parseRosterFile(Buffer.from(text, 'utf8'), 'roster.txt');
  assert.deepEqual(r.errors, []);
  assert.equal(r.encoding, 'utf8');
  assert.deepEqual(r.members, [
    { name: '鈴木健太郎', yomi: 'すずきけんたろう', role: '委員', seat: '5', mark: '◆' },
    { name: '高橋誠', yomi: '', role: '区長', seat: '', mark: '◎' },
  ]);
});

test('bad rows are reported by line, in Japanese and English, and nothing is imported', () => {
  const text = [
    '職名,氏名,よみ,議席',
    '委員長,小林宏,こばやしひろし,8',
    '委員,,すずき,5', // 3: no name
    '委員,山本由美子,山本,12', // 4: kanji in よみ
    '委員,田中一,たなかはじめ,五番目', // 5: seat not a number
    '委員,小林宏,こばやしひろし,9', // 6: duplicate name
    '委員,林明,はやしあきら,8', // 7: duplicate seat
  ].join('\r\n');
  const r = parseRosterFile(iconv.encode(text, 'cp932'), '出席者.csv');
  assert.deepEqual(r.members, []);
  assert.deepEqual(
    r.errors.map((e) => e.line),
    [3, 4, 5, 6, 7],
  );
  assert.match(r.errors[0]!.message.ja, /氏名が空です/);
  assert.match(r.errors[1]!.message.en, /reading "山本" of "山本由美子"/);
  assert.match(r.errors[2]!.message.ja, /議席「五番目」/);
  assert.match(r.errors[3]!.message.en, /duplicates line 2/);
  assert.match(r.errors[4]!.message.ja, /議席 8 は 2 行目/);
});

test('an empty file is an error, not an empty roster', () => {
  const r = parseRosterFile(Buffer.from('氏名\tよみ\t職名\t議席\t記号\r\n', 'utf8'), 'r.tsv');
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0]!.message.en, /lists no attendees/);
});
