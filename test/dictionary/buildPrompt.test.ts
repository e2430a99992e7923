import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPrompt } from '../../bench/tune/buildPrompt';
import { estimatePromptTokens } from '../../native/dictionary/estimatePromptTokens';
import { newEntry, type TermEntry } from '../../native/dictionary/termEntry';

const entries: TermEntry[] = [
  newEntry('芝浦港南', 'しばうらこうなん', '地名'),
  { ...newEntry('ちぃばす', 'ちいばす', '施設名'), note: 'コミュニティバス' },
  newEntry('高輪ゲートウェイ', 'たかなわげーとうぇい', '地名'),
  newEntry('例月出納検査', 'れいげつすいとうけんさ', '行政用語'),
  newEntry('待機児童', 'たいきじどう', '行政用語'),
  newEntry('認可保育園', 'にんかほいくえん', '行政用語'),
  { ...newEntry('廃止した用語', 'はいししたようご'), enabled: false },
  newEntry('RPA', 'あーるぴーえー', '行政用語'),
];
const roster = [
  { name: '鈴木健太郎', role: '委員' },
  { name: '山本由美子', role: '委員' },
  { name: '佐藤一郎', role: '保育課長' },
];

test('roster first, in council Japanese with its punctuation', () => {
  const p = buildPrompt({ entries, roster, body: '港区議会', maxTokens: 224 });
  assert.match(p, /^港区議会の会議録です。出席者：鈴木健太郎、山本由美子、佐藤一郎。/);
  assert.ok(p.endsWith('。'));
  assert.ok(!p.includes('廃止した用語'));
});

test('a 厚生委員会 puts 待機児童 and 保育 before other terms; a 交通 committee puts ちぃばす first', () => {
  const kosei = buildPrompt({ entries, roster, body: '厚生委員会', maxTokens: 224 });
  const terms = kosei.split('。')[2]!.split('、');
  assert.deepEqual(terms.slice(0, 3), ['保育課長', '待機児童', '認可保育園']);
  const kotsu = buildPrompt({ entries, body: '交通・環境等対策特別委員会', maxTokens: 224 });
  assert.equal(kotsu.split('。')[1]!.split('、')[0], 'ちぃばす');
});

test('recently used terms come before the rest; the rest keep dictionary order, not alphabetical', () => {
  const p = buildPrompt({ entries, body: '港区議会', recentlyUsed: ['RPA', '例月出納検査'], maxTokens: 224 });
  const terms = p.split('。')[1]!.split('、');
  assert.deepEqual(terms, ['RPA', '例月出納検査', '芝浦港南', 'ちぃばす', '高輪ゲートウェイ', '待機児童', '認可保育園']);
  assert.notDeepEqual(terms, [...terms].sort());
});

test('the prompt stays within the token budget and never cuts a word', () => {
  for (const maxTokens of [30, 60, 100, 224]) {
    const p = buildPrompt({ entries, roster, body: '厚生委員会', maxTokens });
    assert.ok(estimatePromptTokens(p) <= maxTokens, `${maxTokens}: ${p}`);
    for (const part of p.split(/[、。：]/).filter((s) => s !== '')) {
      assert.ok(
        ['厚生委員会の会議録です', '出席者', 'ただいまから本日の会議を開きます'].includes(part) ||
          roster.some((r) => r.name === part || r.role === part) ||
          entries.some((e) => e.surface === part),
        part,
      );
    }
  }
  const many = Array.from({ length: 300 }, (_, i) => newEntry(`用語${i}`, 'ようご'));
  assert.ok(estimatePromptTokens(buildPrompt({ entries: many, roster, maxTokens: 224 })) <= 224);
  assert.equal(buildPrompt({ entries, body: '港区議会', maxTokens: 5 }), '');
});

test('the estimate is conservative: 1.3 tokens per Japanese character, 0.75 per ASCII character', () => {
  assert.equal(estimatePromptTokens('港区議会'), 6);
  assert.equal(estimatePromptTokens('AI-OCR'), 5);
});
