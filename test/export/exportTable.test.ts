// The one export table: what each format prints of a meeting, whoever asks (the CLI or the app).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportFormat } from '../../native/common/exportFormats';
import type { ExportLine, ExportSpeaker, MeetingExport } from '../../native/export/exportModel';
import { EXPORT_TABLE } from '../../native/export/exportTable';
import { japaneseDate, japaneseTime } from '../../native/export/minutes/japaneseDate';
import { minutesFromLines } from '../../native/export/minutes/minutesFromLines';
import { DEFAULT_MINUTES_STYLE } from '../../native/export/minutes/minutesModel';
import { removeFillers } from '../../native/export/minutes/removeFillers';
import { readZipEntry } from './readZipEntry';

const CHAIR: ExportSpeaker = { key: '1', label: 'S1', name: '青木一郎', role: '議長' };
const UNNAMED: ExportSpeaker = { key: '2', label: 'S2', name: '', role: '' };
const MEMBER: ExportSpeaker = { key: '3', label: 'S3', name: '森田花子', role: '７番', mark: '○' };

const line = (start: number, speaker: ExportSpeaker | null, text: string): ExportLine => ({ start, end: start + 2, speaker, text });

function meeting(lines: ExportLine[]): MeetingExport {
  return {
    title: '第1回定例会会議録',
    meeting: { date: '2024-11-18', place: '議場', body: '本会議' },
    attendance: { present: [], absent: [], explainers: [], secretariat: [] },
    lines,
    style: { ...DEFAULT_MINUTES_STYLE, text: 'clean' },
    json: { segments: lines.map((l) => ({ text: l.text, unheard: l.text === '' })) },
  };
}

const SAMPLE = meeting([
  line(0, CHAIR, 'ただいまから開会いたします。'),
  line(2, CHAIR, 'これより本日の会議を開きます。'),
  line(4, UNNAMED, 'えー、ご報告いたします。'),
  line(6, null, ''),
  line(8, null, '（聞き取れず）'),
  line(10, MEMBER, '質問いたします。'),
]);

async function text(format: ExportFormat, m: MeetingExport): Promise<string> {
  return (await EXPORT_TABLE[format](m)).toString('utf8');
}

test('consecutive lines of one speaker are one turn; an unnamed voice is 発言者N; a line without a speaker is 発言者未確認', () => {
  assert.deepEqual(minutesFromLines(SAMPLE).items, [
    { kind: 'turn', speaker: { name: '青木一郎', role: '議長' }, text: 'ただいまから開会いたします。これより本日の会議を開きます。' },
    { kind: 'turn', speaker: { name: '', role: '発言者2', mark: '○' }, text: 'えー、ご報告いたします。' },
    { kind: 'turn', speaker: { name: '', role: '発言者未確認', mark: '○' }, text: '（聞き取れず）' },
    { kind: 'turn', speaker: { name: '森田花子', role: '７番', mark: '○' }, text: '質問いたします。' },
  ]);
});

test('a meeting without any speaker prints plain paragraphs, with no made-up speaker line', async () => {
  const m = meeting([line(0, null, 'ただいまから開会いたします。'), line(2, null, 'これより本日の会議を開きます。')]);
  assert.deepEqual(minutesFromLines(m).items, [
    { kind: 'turn', speaker: { name: '', role: '' }, text: 'ただいまから開会いたします。これより本日の会議を開きます。' },
  ]);
  assert.ok((await text('txt', m)).includes('\r\n\u3000ただいまから開会いたします。'));
  assert.ok(!(await text('txt', m)).includes('発言者'));
});

test('.txt is the 会議録 as text, as the .docx prints it; the lines hold the chosen text, so fillers chosen are kept', async () => {
  const txt = await text('txt', SAMPLE);
  assert.ok(txt.startsWith('第1回定例会会議録\r\n'));
  assert.ok(txt.includes('○議長（青木一郎君）\u3000ただいまから開会いたします。これより本日の会議を開きます。\r\n'));
  assert.ok(txt.includes('○発言者２\u3000えー、ご報告いたします。\r\n'), "the style's clean choice does not drop fillers again");
  assert.ok(txt.includes('○発言者未確認\u3000（聞き取れず）\r\n'));
  assert.ok(txt.includes('○７番（森田花子君）\u3000質問いたします。\r\n'), 'the roster mark wins over the style');
  const xml = readZipEntry(await EXPORT_TABLE.docx(SAMPLE), 'word/document.xml').toString('utf8');
  for (const turn of [
    '○議長（青木一郎君）\u3000ただいまから開会いたします。',
    '○発言者２\u3000えー、ご報告いたします。',
    '○７番（森田花子君）\u3000質問いたします。',
  ]) {
    assert.ok(xml.includes(turn), turn);
  }
});

test('srt, vtt and csv name the speaker 役職 氏名, else 発言者N, and nothing for a line without one', async () => {
  const srt = await text('srt', SAMPLE);
  assert.ok(srt.startsWith('1\n00:00:00,000 --> 00:00:02,000\n議長 青木一郎：ただいまから開会いたします。\n'));
  assert.ok(srt.includes('\n発言者2：えー、ご報告いたします。\n'));
  assert.ok(srt.includes('\n00:00:08,000 --> 00:00:10,000\n（聞き取れず）\n'));
  assert.ok(srt.includes('\n７番 森田花子：質問いたします。\n'));
  const vtt = await text('vtt', SAMPLE);
  assert.ok(vtt.includes('<v 議長 青木一郎>ただいまから') && vtt.includes('<v 発言者2>えー') && vtt.includes('\n（聞き取れず）\n'));
  const csv = await text('csv', SAMPLE);
  assert.ok(csv.includes('\r\n00:00:04.000,00:00:06.000,発言者2,えー、ご報告いたします。\r\n'));
  assert.ok(csv.includes('\r\n00:00:08.000,00:00:10.000,,（聞き取れず）\r\n'));
});

test('a stretch nobody could hear is printed by no format but JSON', async () => {
  const srt = await text('srt', SAMPLE);
  assert.equal(srt.split('\n\n').length, 5, 'five lines with text');
  assert.ok(!srt.includes('00:00:06,000 --> 00:00:08,000'));
  assert.ok(!(await text('vtt', SAMPLE)).includes('00:00:06.000 --> 00:00:08.000'));
  assert.equal((await text('csv', SAMPLE)).trim().split('\r\n').length, 1 + 5);
  assert.ok(!(await text('txt', SAMPLE)).includes('\u3000\r\n'), 'no empty turn in the 会議録');
  const json = JSON.parse(await text('json', SAMPLE)) as { segments: { text: string; unheard: boolean }[] };
  assert.deepEqual(json.segments[3], { text: '', unheard: true });
  await assert.rejects(EXPORT_TABLE.json({ ...SAMPLE, json: null }), /no transcript/);
});

test('fillers, dates and times as printed', () => {
  assert.equal(removeFillers('えー、港区では、あのー、まちづくりが'), '港区では、まちづくりが');
  assert.equal(removeFillers('あの件について、その際'), 'あの件について、その際');
  assert.equal(japaneseDate('2024-11-18'), '令和6年11月18日（月曜日）');
  assert.equal(japaneseDate('2019-05-01'), '令和元年5月1日（水曜日）');
  assert.equal(japaneseDate('2019-04-30'), '平成31年4月30日（火曜日）');
  assert.equal(japaneseTime('10:00'), '午前10時');
  assert.equal(japaneseTime('13:30'), '午後1時30分');
});
