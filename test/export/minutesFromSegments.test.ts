import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Segment, Speaker } from '../../native/common/api';
import { japaneseDate, japaneseTime } from '../../native/export/minutes/japaneseDate';
import { minutesFromSegments } from '../../native/export/minutes/minutesFromSegments';
import { removeFillers } from '../../native/export/minutes/removeFillers';

const seg = (seq: number, speakerId: number | null, text: string): Segment =>
  ({ id: seq, meetingId: 1, seq, start: seq, end: seq + 1, speakerId, text, tokens: [] });

test('store segments become turns: one per run of the same speaker', () => {
  const speakers: Speaker[] = [
    { id: 1, meetingId: 1, label: 'S1', name: '池田隆之', role: '議長', color: '#000' },
    { id: 2, meetingId: 1, label: 'S2', name: '', role: '', color: '#111' },
  ];
  const doc = minutesFromSegments({ title: '本会議', body: '本会議', date: '2024-11-18', place: '議場' }, speakers,
    [seg(2, 1, 'これより本日の会議を開きます。'), seg(1, 1, 'ただいまから開会いたします。'), seg(3, 2, 'ご報告いたします。'), seg(4, null, '（不明）'), seg(5, null, ' ')]);
  assert.deepEqual(doc.items, [
    { kind: 'turn', speaker: { name: '池田隆之', role: '議長' }, text: 'ただいまから開会いたします。これより本日の会議を開きます。' },
    { kind: 'turn', speaker: { name: '', role: '発言者2', mark: '○' }, text: 'ご報告いたします。' },
    { kind: 'turn', speaker: { name: '', role: '発言者未確認' }, text: '（不明）' },
  ]);
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
