import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSpeaker, speakerSide } from '../../native/export/minutes/formatSpeaker';
import { DEFAULT_MINUTES_STYLE, type MinutesStyle } from '../../native/export/minutes/minutesModel';

const style = (over: Partial<MinutesStyle> = {}): MinutesStyle => ({ ...DEFAULT_MINUTES_STYLE, ...over });

test('marks by role: ○ chair, ◆ members, ◎ executive side', () => {
  assert.equal(formatSpeaker({ role: '議長', name: '鈴木健太郎' }, style()), '○議長（鈴木健太郎君）');
  assert.equal(formatSpeaker({ role: '5番', name: '山本由美子' }, style()), '◆５番（山本由美子君）');
  assert.equal(formatSpeaker({ role: '区長', name: '武藤正人' }, style()), '◎区長（武藤正人君）');
  assert.equal(formatSpeaker({ role: '事務局長', name: '佐藤弘樹' }, style()), '○事務局長（佐藤弘樹君）');
  assert.equal(formatSpeaker({ role: '保育課長', name: '加藤直樹' }, style()), '◎保育課長（加藤直樹君）');
  assert.equal(formatSpeaker({ role: '委員長', name: '池田隆之' }, style()), '○委員長（池田隆之君）');
  assert.equal(formatSpeaker({ role: '議長', name: '池田隆之', mark: '◇' }, style()), '◇議長（池田隆之君）');
  assert.equal(speakerSide('代表監査委員'), 'executive');
  assert.equal(speakerSide('鈴木委員'), 'member');
});

test('circle only, honorific and numeral styles', () => {
  assert.equal(formatSpeaker({ role: '12番', name: '山本由美子' }, style({ marks: 'circleOnly' })), '○１２番（山本由美子君）');
  assert.equal(formatSpeaker({ role: '五番', name: '鈴木健太郎' }, style({ numerals: 'arabic' })), '◆５番（鈴木健太郎君）');
  assert.equal(formatSpeaker({ role: '5番', name: '鈴木健太郎' }, style({ numerals: 'kanji' })), '◆五番（鈴木健太郎君）');
  assert.equal(formatSpeaker({ role: '5番', name: '鈴木健太郎' }, style({ honorific: '議員' })), '◆５番（鈴木健太郎議員）');
  assert.equal(formatSpeaker({ role: '区長', name: '武藤正人' }, style({ honorific: '議員' })), '◎区長（武藤正人）');
  assert.equal(formatSpeaker({ role: '区長', name: '武藤正人' }, style({ honorificFor: 'councillors' })), '◎区長（武藤正人）');
  assert.equal(formatSpeaker({ role: '議長', name: '池田隆之' }, style({ honorific: '' })), '○議長（池田隆之）');
  assert.equal(formatSpeaker({ role: '議長', name: '' }, style()), '○議長');
});
