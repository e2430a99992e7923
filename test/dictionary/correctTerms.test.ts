import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusDir, loadMeeting } from '../../native/eval/corpus';
import { applyReplacements, correctTerms } from '../../native/dictionary/correctTerms';
import { loadTokenizer } from '../../native/dictionary/loadTokenizer';
import { parseTermFile } from '../../native/dictionary/parseTermFile';
import { newEntry } from '../../native/dictionary/termEntry';
import { termRecall } from '../../native/dictionary/termRecall';
import { ROOT } from '../helpers/fixtures';

// whisper base-q8_0 on m02_kosei_hoikuen, transcribed once by `gijiroku transcribe`.
const fixture = JSON.parse(readFileSync(join(ROOT, 'test', 'dictionary', 'fixtures', 'm02_whisper_base.json'), 'utf8')) as {
  segments: Array<{ text: string }>;
};
const heard = fixture.segments.map((s) => s.text);

// What the app knows before transcribing this meeting besides dictionary.tsv: the committee and the roster's titles.
const meetingTerms = [
  newEntry('厚生委員会', 'こうせいいいんかい', '行政用語'),
  newEntry('入園選考', 'にゅうえんせんこう', '行政用語'),
  newEntry('保育課長', 'ほいくかちょう', '役職'),
  newEntry('鈴木委員', 'すずきいいん', '議員名'),
  newEntry('山本委員', 'やまもといいん', '議員名'),
];

test('misrecognitions are sure; a term already written right is never touched', async () => {
  const tokenizer = await loadTokenizer();
  const entries = [{ ...newEntry('芝浦港南', 'しばうらこうなん', '地名'), misrecognitions: ['芝浦公南'] }];
  const r = correctTerms(['芝浦公南地区と芝浦港南駅'], entries, tokenizer);
  assert.deepEqual(r.texts, ['芝浦港南地区と芝浦港南駅']);
  assert.equal(r.replacements.length, 1);
  assert.deepEqual(
    { ...r.replacements[0], reason: undefined },
    { segmentIndex: 0, start: 0, end: 4, from: '芝浦公南', to: '芝浦港南', termSurface: '芝浦港南', confidence: 'sure', reason: undefined },
  );
});

test('a homophone that is an ordinary word (先行 for 選考) is only suggested', async () => {
  const tokenizer = await loadTokenizer();
  const r = correctTerms(['先行の基準'], [newEntry('選考', 'せんこう')], tokenizer);
  assert.deepEqual(r.texts, ['先行の基準']);
  assert.equal(r.replacements[0]?.confidence, 'suggest');
});

test('what whisper writes for a term it did not know: unknown kanji, other readings, kana across words', async () => {
  const tokenizer = await loadTokenizer();
  const entries = [
    newEntry('例月出納検査', 'れいげつすいとうけんさ', '行政用語'),
    newEntry('待機児童', 'たいきじどう', '行政用語'),
    newEntry('麻布', 'あざぶ', '地名'),
    newEntry('高輪ゲートウェイ', 'たかなわげーとうぇい', '地名'),
    newEntry('赤坂', 'あかさか', '地名'),
  ];
  // lines whisper base wrote for m01/m02 with the corpus dictionary in its prompt
  const r = correctTerms(
    [
      '関西院から、例月推刀検査の結果について報告がございました。', // 推 has no reading in IPADIC
      'いずえんとして帯気自動が破装している。', // 帯 read タイ (not kuromoji's first choice, オビ)
      '山元いん「え、あざぶちくと若さかちく」では、', // あざぶ spans kuromoji's あざ/ぶち; 若/さ/か is shredded: 1 mora off allowed
      '芝浦港南地区やたかなわげへとはいい液周辺の町づくりが進み、', // 3 morae off of 10, all kana
    ],
    entries,
    tokenizer,
  );
  assert.deepEqual(
    r.replacements.map((x) => `${x.from}→${x.to}:${x.confidence}`),
    [
      '例月推刀検査→例月出納検査:sure',
      '帯気自動→待機児童:sure',
      'あざぶ→麻布:sure',
      '若さか→赤坂:sure',
      'たかなわげへとはいい→高輪ゲートウェイ:sure',
    ],
  );
  assert.equal(r.texts[2], '山元いん「え、麻布ちくと赤坂ちく」では、');
  // an ordinary 4-mora word one mora off a term is left alone
  assert.deepEqual(correctTerms(['若草の季節です。'], entries, tokenizer).replacements, []);
});

test('term recall on real whisper output rises after correction, and every change is listed and undoable', async (t) => {
  const dir = corpusDir();
  if (!dir) return t.skip('corpus not found');
  const tokenizer = await loadTokenizer();
  const reference = loadMeeting('m02_kosei_hoikuen').text;
  const dictionary = parseTermFile(readFileSync(join(dir, 'dictionary.tsv')), 'dictionary.tsv').entries;

  const measure = (entries: typeof dictionary) => {
    const result = correctTerms(heard, entries, tokenizer);
    const suggestedToo = heard.map((text, i) =>
      applyReplacements(
        text,
        result.replacements.filter((r) => r.segmentIndex === i),
      ),
    );
    return {
      result,
      before: termRecall(reference, heard.join(''), entries),
      after: termRecall(reference, result.texts.join(''), entries),
      accepted: termRecall(reference, suggestedToo.join(''), entries),
    };
  };

  const corpusOnly = measure(dictionary);
  t.diagnostic(
    `dictionary.tsv: ${corpusOnly.before.found}/${corpusOnly.before.expected} → ${corpusOnly.after.found} sure → ${corpusOnly.accepted.found} with suggestions`,
  );
  assert.equal(corpusOnly.before.expected, 5);
  assert.equal(corpusOnly.before.found, 1); // 赤坂
  // applied: + 麻布十番 from "Azab 10番", 認可保育園 (人間保育園 read にんかん), 待機児童 (大きじ道, a near reading)
  assert.equal(corpusOnly.after.found, 4);
  assert.equal(corpusOnly.accepted.found, 4);

  const withMeeting = measure([...dictionary, ...meetingTerms]);
  t.diagnostic(
    `+ meeting terms: ${withMeeting.before.found}/${withMeeting.before.expected} → ${withMeeting.after.found} sure → ${withMeeting.accepted.found} with suggestions`,
  );
  assert.equal(withMeeting.before.expected, 11);
  assert.equal(withMeeting.before.found, 1);
  // + 厚生委員会, 入園選考 ×2, 鈴木委員 (スズキーイン), 麻布十番, 認可保育園, and the near readings
  // 保育課長 (保育会長), 山本委員 (山元いん), 待機児童
  assert.equal(withMeeting.after.found, 10);
  assert.equal(withMeeting.accepted.found, 10);

  const { result } = withMeeting;
  for (const r of result.replacements) {
    assert.equal(heard[r.segmentIndex]!.slice(r.start, r.end), r.from);
    assert.ok(r.reason.ja !== '' && r.reason.en !== '');
  }
  const sure = result.replacements.filter((r) => r.confidence === 'sure');
  assert.deepEqual(
    sure.map((r) => `${r.from}→${r.to}`).sort(),
    [
      'Azab 10番→麻布十番',
      'スズキーイン→鈴木委員',
      '人間保育園→認可保育園',
      '保育会長→保育課長',
      '入園選抗→入園選考',
      '入園選抗→入園選考',
      '大きじ道→待機児童',
      '山元いん→山本委員',
      '高性委員会→厚生委員会',
    ].sort(),
  );
  // Undo one: re-apply the others to the text as heard.
  const undone = sure.filter((r) => r.to !== '鈴木委員' && r.segmentIndex === 10);
  assert.equal(applyReplacements(heard[10]!, undone), heard[10]);
});
