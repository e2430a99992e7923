import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { corpusDir } from '../../native/eval/corpus';
import { parseTermFile } from '../../native/dictionary/parseTermFile';
import { serializeTermFile } from '../../native/dictionary/serializeTermFile';
import type { TermEntry } from '../../native/dictionary/termEntry';

const entries: TermEntry[] = [
  { surface: '芝浦港南', reading: 'しばうらこうなん', kind: '地名', misrecognitions: ['芝浦公南', '柴浦港南'], enabled: true, note: '' },
  { surface: 'ちぃばす', reading: 'ちいばす', kind: '施設名', misrecognitions: [], enabled: true, note: 'コミュニティバス, "愛称"' },
  { surface: '鈴木健太郎', reading: 'すずきけんたろう', kind: '議員名', misrecognitions: [], enabled: false, note: '五番\n厚生委員' },
  { surface: 'AI-OCR', reading: 'えーあいおーしーあーる', kind: '行政用語', misrecognitions: ['AIOCR'], enabled: true, note: '' },
];

for (const format of ['tsv', 'csv'] as const) {
  for (const encoding of ['utf8', 'utf8bom', 'shift_jis'] as const) {
    test(`${format} in ${encoding}: bytes and entries survive a round trip`, () => {
      const bytes = serializeTermFile(entries, { format, encoding });
      const parsed = parseTermFile(bytes, `用語.${format}`);
      assert.deepEqual(parsed.errors, []);
      assert.equal(parsed.encoding, encoding);
      assert.equal(parsed.format, format);
      assert.deepEqual(parsed.entries, entries);
      assert.deepEqual(serializeTermFile(parsed.entries, { format, encoding }), bytes);
    });
  }
}

test('Shift_JIS as Excel writes it is detected without being told', () => {
  const bytes = iconv.encode('表記,よみ,種別\r\n麻布十番,アザブジュウバン,地名\r\n', 'cp932');
  const parsed = parseTermFile(bytes, 'export.csv');
  assert.equal(parsed.encoding, 'shift_jis');
  assert.deepEqual(
    parsed.entries.map((e) => [e.surface, e.reading, e.kind]),
    [['麻布十番', 'あざぶじゅうばん', '地名']],
  );
});

test('English headers, any column order, katakana readings stored as hiragana', () => {
  const text =
    'note\tkind\treading\tsurface\tenabled\tmisrecognitions\n駅\t地名\tタカナワゲートウェイ\t高輪ゲートウェイ\t0\t高輪ゲートウエイ;高輪GW\n';
  const [e] = parseTermFile(Buffer.from(text), 'terms.tsv').entries;
  assert.deepEqual(e, {
    surface: '高輪ゲートウェイ',
    reading: 'たかなわげーとうぇい',
    kind: '地名',
    misrecognitions: ['高輪ゲートウエイ', '高輪GW'],
    enabled: false,
    note: '駅',
  });
});

test('the 表記/読み/クラス word list of commercial tools: no header, classes kept as written', () => {
  const text =
    '鈴木健太郎\tすずきけんたろう\t人名\r\n白金\tしろかね\t地名\r\nちぃばす\tちいばす\t愛称\r\n保育課長\tほいくかちょう\t役職名\r\n';
  const parsed = parseTermFile(iconv.encode(text, 'cp932'), 'userdic.txt');
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.wordList, true);
  assert.deepEqual(
    parsed.entries.map((e) => [e.surface, e.kind]),
    [
      ['鈴木健太郎', '人名'],
      ['白金', '地名'],
      ['ちぃばす', '愛称'],
      ['保育課長', '役職名'],
    ],
  );
  assert.deepEqual(parsed.unknownKinds, ['愛称'], '人名 and 役職名 are aliases of built-in kinds');
});

test("a council's own kinds (特産品, 会議名, 団体名 …) are accepted, kept as written and reported", () => {
  const text = '表記\tよみ\t種別\r\n山田かぶ\tやまだかぶ\t特産品\r\n北町連合会\tきたまちれんごうかい\t団体名\r\n南川\tみなみがわ\t地名\r\n';
  const parsed = parseTermFile(Buffer.from(text), 'council.tsv');
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.entries.map((e) => e.kind),
    ['特産品', '団体名', '地名'],
  );
  assert.deepEqual(parsed.unknownKinds, ['特産品', '団体名']);
});

test('an MS-IME export (よみ first, ! comments) is read the right way round', () => {
  const text = '!Microsoft IME Dictionary Tool\r\n!Version:\r\nしろかね\t白金\t地名その他\r\nあざぶ\t麻布\t地名その他\r\n';
  const parsed = parseTermFile(Buffer.from(text), 'ime.txt');
  assert.deepEqual(
    parsed.entries.map((e) => [e.surface, e.reading, e.kind]),
    [
      ['白金', 'しろかね', '地名その他'],
      ['麻布', 'あざぶ', '地名その他'],
    ],
  );
});

test('the corpus dictionary.tsv imports whole', (t) => {
  const dir = corpusDir();
  if (!dir) return t.skip('corpus not found');
  const parsed = parseTermFile(readFileSync(join(dir, 'dictionary.tsv')), 'dictionary.tsv');
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.entries.length, 18);
  assert.deepEqual(
    parsed.entries.find((e) => e.surface === '高輪ゲートウェイ'),
    { surface: '高輪ゲートウェイ', reading: 'たかなわげーとうぇい', kind: '地名', misrecognitions: [], enabled: true, note: '' },
  );
});

test('bad rows are reported by line with Japanese and English text, and nothing is imported', () => {
  const text = [
    '表記\tよみ\t種別',
    '港区\tみなとく\t地名',
    '\tしばうら\t地名',
    '赤坂\t赤さか\t地名',
    `白金\tしろかね\t${'駅'.repeat(31)}`,
    '品川\tしながわ\t地名',
  ].join('\r\n');
  const parsed = parseTermFile(iconv.encode(text, 'cp932'), 'bad.tsv');
  assert.deepEqual(parsed.entries, []);
  assert.deepEqual(
    parsed.errors.map((e) => e.line),
    [3, 4, 5],
  );
  assert.match(parsed.errors[0]!.message.ja, /表記が空/);
  assert.match(parsed.errors[1]!.message.ja, /漢字/);
  assert.match(parsed.errors[1]!.message.en, /kanji/);
  assert.match(parsed.errors[2]!.message.ja, /種別「駅+…」が長すぎます/);
});

test('broken CSV quoting is reported at the line where the record starts', () => {
  const stray = parseTermFile(Buffer.from('表記,よみ\r\n港区,みなとく\r\n"芝浦"港南,しばうらこうなん\r\n赤"坂,あかさか\r\n'), 'q.csv');
  assert.deepEqual(stray.entries, []);
  assert.deepEqual(
    stray.errors.map((e) => e.line),
    [3, 4],
  );
  const open = parseTermFile(Buffer.from('表記,よみ\r\n港区,みなとく\r\n"芝浦,しばうら\r\n赤坂,あかさか\r\n'), 'q.csv');
  assert.deepEqual(open.entries, []);
  assert.deepEqual(
    open.errors.map((e) => e.line),
    [3],
  );
  assert.match(open.errors[0]!.message.ja, /引用符/);
});

test('a quoted field may hold commas, quotes and line breaks (RFC 4180)', () => {
  const parsed = parseTermFile(
    Buffer.from('表記,よみ,備考\r\n港区,みなとく,"区役所, ""本庁舎""\r\n芝公園"\r\n赤坂,あかさか,\r\n'),
    'q.csv',
  );
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.entries[0]!.note, '区役所, "本庁舎"\r\n芝公園');
  assert.equal(parsed.entries[1]!.surface, '赤坂');
});
