import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertNumerals, integerToKanji, toArabicNumerals, toKanjiNumerals } from '../../native/export/minutes/convertNumerals';

test('算用数字 → 漢数字 in running text', () => {
  assert.equal(toKanjiNumerals('令和6年第4回'), '令和六年第四回');
  assert.equal(toKanjiNumerals('12月6日まで'), '十二月六日まで');
  assert.equal(toKanjiNumerals('人口は420万人'), '人口は四百二十万人');
  assert.equal(toKanjiNumerals('議案第85号'), '議案第八十五号');
  assert.equal(toKanjiNumerals('１２０条と1,500円'), '百二十条と千五百円');
  assert.equal(toKanjiNumerals('2024年、3.5％'), '二〇二四年、三・五％');
  assert.equal(integerToKanji('100000000'), '一億');
  assert.equal(integerToKanji('10010'), '一万十');
});

test('numbers inside alphanumerics are left alone', () => {
  assert.equal(toKanjiNumerals('AI-OCRとRPA、A4判、COVID-19、10:30'), 'AI-OCRとRPA、A4判、COVID-19、10:30');
});

test('漢数字 → 算用数字 where they count something', () => {
  assert.equal(toArabicNumerals('令和六年第四回港区議会定例会'), '令和6年第4回港区議会定例会');
  assert.equal(
    toArabicNumerals('会議規則第百二十条の規定により、五番、鈴木健太郎議員、十二番'),
    '会議規則第120条の規定により、5番、鈴木健太郎議員、12番',
  );
  assert.equal(toArabicNumerals('本日から十二月六日までの十九日間'), '本日から12月6日までの19日間');
  assert.equal(toArabicNumerals('人口は二十六万人を超え、四百二十万人'), '人口は26万人を超え、420万人');
  assert.equal(toArabicNumerals('議案第八十五号から議案第九十二号までの八件'), '議案第85号から議案第92号までの8件');
  assert.equal(toArabicNumerals('一億二千万円、二〇二四年、午後一時十分'), '1億2000万円、2024年、午後1時10分');
});

test('numerals that are words stay kanji', () => {
  for (const s of [
    '麻布十番',
    '六本木',
    '三田',
    '一般質問',
    '十分に検討',
    '一時的に',
    '一番大事な',
    '一人一人',
    '一日も早く',
    '数十万人',
    '統一',
    '万一',
  ]) {
    assert.equal(toArabicNumerals(s), s, s);
  }
});

test('round trip on corpus-like text', () => {
  const kanji = '議案第八十五号から議案第九十二号までの八件';
  assert.equal(convertNumerals(convertNumerals(kanji, 'arabic'), 'kanji'), kanji);
});
