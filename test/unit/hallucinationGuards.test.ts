import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collapseInnerLoop, guardSegments, isPhantom, hasLanguageDrift, needsRetry } from '../../native/engine/hallucinationGuards';

const seg = (text: string, p = 0.9) => ({ text, tokens: [{ p }] });

test('stock phrases and sound tags are phantoms; council speech is not', () => {
  for (const t of ['ご視聴ありがとうございました。', 'おやすみなさい', '[音楽]', '(拍手)', '♪', 'チャンネル登録よろしくお願いします']) {
    assert.equal(isPhantom(t), true, t);
  }
  for (const t of ['ありがとうございました。', '異議なし', '区長の挨拶は終わりました。']) assert.equal(isPhantom(t), false, t);
});

test('the 148-times loop keeps one copy', () => {
  const loop = Array.from({ length: 148 }, () => seg('区長の挨拶が終わりました。'));
  const r = guardSegments([seg('以上で区長の挨拶は終わりました。'), ...loop]);
  assert.equal(r.kept.length, 2);
  assert.equal(r.loops.length, 147);
  assert.equal(r.looped, true);
});

test('a short reply said twice is kept', () => {
  const r = guardSegments([seg('異議なし。'), seg('異議なし。')]);
  assert.equal(r.kept.length, 2);
  assert.equal(r.looped, false);
});

test('loops inside a segment collapse', () => {
  assert.equal(collapseInnerLoop('北区区区区区区区区区区'), '北区');
  assert.equal(collapseInnerLoop('以上です。以上です。以上です。'), '以上です。');
  assert.equal(collapseInnerLoop('本日の会議を開きます。'), null);
});

test('a stutter asks for a second reading', () => {
  assert.equal(needsRetry([seg('まああああああ')]), true);
  assert.equal(needsRetry([seg('これより本日の会議を開きます。')]), false);
});

test('drift out of Japanese: other scripts, English words and stock phrases, but not acronyms or units', () => {
  assert.equal(hasLanguageDrift('atashikk 그런데'), true, 'Hangul');
  assert.equal(hasLanguageDrift('北区貧乏 organisationが年'), true, 'an English word');
  assert.equal(hasLanguageDrift('次の議題に move on します'), true);
  assert.equal(hasLanguageDrift('報告を終わります。ご視聴ありがとうございました。'), true, 'a stock phrase inside a sentence');
  assert.equal(hasLanguageDrift('ICTとDXの推進について、約4.2kmの区間です。'), false);
  assert.equal(hasLanguageDrift('令和7年度のGIGAスクール構想、PFI方式、iPadの配布。'), false);
  assert.equal(hasLanguageDrift('Wi-Fiの整備とExcelの研修。'), false);
  assert.equal(needsRetry([seg('reason 4月4日に行ってます。')]), true, 'a drifted piece asks for a second reading');
});

test('babble is a phantom: a wave dash or a few kana shouted; short replies are not', () => {
  for (const b of ['う~い!', 'てーおー～', 'はいーす!', 'おい~た~ん~', 'バイ~い!']) assert.equal(isPhantom(b), true, b);
  for (const t of ['はい。', 'なし。', '異議なし。', '委員長。', 'ありがとうございます!'.replace('!', '。')])
    assert.equal(isPhantom(t), false, t);
});
