import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMinutesDocx } from '../../native/export/minutes/writeDocx';
import { DEFAULT_MINUTES_STYLE, type MinutesStyle } from '../../native/export/minutes/minutesModel';
import { minutesToText } from '../../native/export/minutes/minutesToText';
import { assetOrSkip, tempDir } from '../helpers/fixtures';
import { corpusMinutes, longMinutes, NO_REFERENCE, REFERENCE } from './minutesFixture';
import { readZipEntry } from './readZipEntry';

const skip = assetOrSkip(REFERENCE, NO_REFERENCE) ? false : NO_REFERENCE;

async function exportAndRead(
  style: MinutesStyle = DEFAULT_MINUTES_STYLE,
): Promise<{ document: string; styles: string; footer: string; dir: string }> {
  const dir = tempDir('gijiroku-minutes-');
  const out = join(dir, '会議録.docx');
  await writeMinutesDocx(out, corpusMinutes(), style);
  const zip = readFileSync(out);
  const footerName = /Target="(footer\d*\.xml)"/.exec(readZipEntry(zip, 'word/_rels/document.xml.rels').toString('utf8'))?.[1];
  return {
    document: readZipEntry(zip, 'word/document.xml').toString('utf8'),
    styles: readZipEntry(zip, 'word/styles.xml').toString('utf8'),
    footer: footerName ? readZipEntry(zip, `word/${footerName}`).toString('utf8') : '',
    dir,
  };
}

test('the .docx reads as 会議録: title, header block, turns, font, page', { skip }, async () => {
  const { document, styles, footer, dir } = await exportAndRead();
  assert.deepEqual(readdirSync(dir), ['会議録.docx'], 'no temporary file left behind');
  assert.match(document, /令和6年第4回港区議会定例会会議録（第1号）/);
  for (const label of [
    '日\u3000\u3000時',
    '令和6年11月18日（月曜日）午前10時',
    '場\u3000\u3000所',
    '出席議員（６名）',
    '欠席議員（なし）',
    '説明のため出席した者',
    '職務のため出席した事務局職員',
    '会議に付した事件',
    '\u3000５番\u3000鈴木健太郎',
    '１２番\u3000山本由美子',
  ]) {
    assert.ok(document.includes(label), `header block has ${label}`);
  }
  assert.ok(document.includes('○議長（池田隆之君）\u3000ただいまから令和6年第4回港区議会定例会を開会いたします。'));
  assert.ok(document.includes('◎区長（武藤正人君）\u3000港区では'), 'clean text by default: えー dropped');
  assert.ok(document.includes('○事務局長（佐藤弘樹君）\u3000ご報告いたします。区長から、議案第85号から議案第92号までの8件'));
  assert.ok(document.includes('〔「異議なし」と呼ぶ者あり〕'));
  assert.ok(document.includes('午前10時開会'));
  assert.match(document, /<w:ind w:left="220" w:hanging="220"\/>/, 'turns hang by one character');
  assert.match(document, /<w:pBdr><w:bottom w:val="single"/, 'a rule between agenda items');
  assert.match(document, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  assert.match(styles, /w:eastAsia="ＭＳ 明朝"/);
  assert.match(styles, /<w:sz w:val="22"\/>/);
  assert.match(footer, /PAGE/);
  assert.match(footer, /- <\/w:t>.*PAGE.*<w:t xml:space="preserve"> -/s);
  assert.match(footer, /w:jc w:val="center"/);
});

test('kanji numerals and verbatim text, per the council style', { skip }, async () => {
  const { document } = await exportAndRead({ ...DEFAULT_MINUTES_STYLE, numerals: 'kanji', text: 'verbatim' });
  assert.match(document, /令和六年第四回港区議会定例会会議録（第一号）/);
  assert.ok(document.includes('令和六年十一月十八日（月曜日）午前十時'));
  assert.ok(document.includes('会議規則第百二十条の規定により、五番、鈴木健太郎議員、十二番'));
  assert.ok(document.includes('出席議員（六名）') && document.includes('五番\u3000鈴木健太郎'));
  assert.ok(document.includes('◎区長（武藤正人君）\u3000えー、港区では'));
  const arabic = (await exportAndRead()).document;
  assert.ok(arabic.includes('会議規則第120条の規定により、5番、鈴木健太郎議員、12番'));
  assert.ok(arabic.includes('本日から12月6日までの19日間'));
});

test('the text export says the same as the .docx', { skip }, () => {
  const text = minutesToText(corpusMinutes(), DEFAULT_MINUTES_STYLE);
  assert.ok(text.startsWith('令和6年第4回港区議会定例会会議録（第1号）\r\n'));
  assert.ok(text.includes('\r\n○議長（池田隆之君）\u3000ただいまから'));
  assert.ok(text.includes('\r\n\u3000\u3000〔「異議なし」と呼ぶ者あり〕\r\n'));
});

test('a failed write leaves nothing under the final name', { skip }, async () => {
  const dir = tempDir('gijiroku-minutes-');
  const out = join(dir, 'missing-folder', '会議録.docx');
  await assert.rejects(writeMinutesDocx(out, corpusMinutes()), /ENOENT/);
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(dir), []);
});

test('a 4-hour meeting (3,000 turns) exports in under 3 s', { skip }, async () => {
  const doc = longMinutes(3000);
  const dir = tempDir('gijiroku-minutes-');
  const t0 = performance.now();
  await writeMinutesDocx(join(dir, 'long.docx'), doc);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`# 3,000-turn .docx export: ${seconds.toFixed(2)} s (${(readFileSync(join(dir, 'long.docx')).length / 1024).toFixed(0)} KB)`);
  assert.ok(seconds < 3, `took ${seconds.toFixed(2)} s`);
});
