import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiService } from '../../native/app/createApiService';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import type { Transcript } from '../../native/common/transcript';
import { DEFAULT_MINUTES_STYLE } from '../../native/export/minutes/minutesModel';
import { readZipEntry } from '../export/readZipEntry';
import { withService } from '../helpers/service';
import { line, transcriptOf } from '../helpers/transcripts';

const MEETING = { title: '令和6年第4回港区議会定例会会議録（第1号）', body: '本会議', date: '2024-11-18', place: '港区議会議場' };

function transcript(): Transcript {
  return transcriptOf(
    [
      line(0, 0, 'S1', 'ただいまから本日の会議を開きます。'),
      line(1, 6, 'S2', 'えー、港区では、ほい、保育園の待機児童が、あのー、ゼロになりました。'),
      line(2, 12, 'S3', 'まあ、質問いたします。'),
    ],
    { path: '/recordings/本会議.flac', duration: 60, model: 'base' },
  );
}

async function withMeeting(run: (service: ApiService, meetingId: number, dir: string) => Promise<void>): Promise<void> {
  await withService(async ({ service, store, dataDir: dir }) => {
    const meeting = store.createMeeting(MEETING, { path: '/recordings/本会議.flac', durationS: 60 });
    const view = store.importTranscript(meeting.id, transcript());
    const [s1, s2, s3] = view.speakers;
    store.applyEdit(meeting.id, { kind: 'renameSpeaker', speakerId: s1!.id, name: '池田隆之', role: '議長' });
    store.applyEdit(meeting.id, { kind: 'renameSpeaker', speakerId: s2!.id, name: '武藤正人', role: '区長' });
    store.applyEdit(meeting.id, { kind: 'renameSpeaker', speakerId: s3!.id, name: '鈴木健太郎', role: '5番' });
    // the roster is another screen's work (migration 0001's table); rows written here as it would
    const db = new Database(store.path);
    const add = db.prepare("INSERT INTO roster (meeting_id, name, yomi, role, seat, mark) VALUES (?, ?, '', ?, ?, '')");
    add.run(meeting.id, '池田隆之', '議長', '1');
    add.run(meeting.id, '鈴木健太郎', '議員', '5');
    add.run(meeting.id, '武藤正人', '区長', '');
    add.run(meeting.id, '佐藤弘樹', '事務局長', '');
    db.close();
    await run(service, meeting.id, dir);
  });
}

function documentXml(path: string): string {
  return readZipEntry(readFileSync(path), 'word/document.xml').toString('utf8');
}

test('a stored meeting exports as 会議録 .docx: speakers, roster, council style, clean or verbatim', async () => {
  await withMeeting(async (service, meetingId, dir) => {
    const verbatim = join(dir, '会議録 素起こし.docx');
    writeFileSync(verbatim, Buffer.from(await service.exportMeetingBase64(meetingId, 'docx', 'verbatim'), 'base64'));
    let xml = documentXml(verbatim);
    assert.ok(xml.includes(MEETING.title));
    assert.ok(xml.includes('令和6年11月18日（月曜日）'), 'the meeting date in 和暦');
    assert.ok(xml.includes('○議長（池田隆之君）\u3000ただいまから本日の会議を開きます。'));
    assert.ok(xml.includes('◎区長（武藤正人君）\u3000えー、港区では、ほい、保育園の待機児童が、あのー、ゼロになりました。'));
    assert.ok(xml.includes('◆５番（鈴木健太郎君）\u3000まあ、質問いたします。'));
    assert.ok(xml.includes('出席議員（２名）'), 'the roster fills the attendance block');
    assert.ok(xml.includes('武藤正人') && xml.includes('事務局長') && xml.includes('佐藤弘樹'));

    const clean = join(dir, '会議録.docx');
    writeFileSync(clean, Buffer.from(await service.exportMeetingBase64(meetingId, 'docx', 'clean'), 'base64'));
    xml = documentXml(clean);
    // kuromoji takes the false start ほい、 too: what the ケバ取り view shows
    assert.ok(xml.includes('◎区長（武藤正人君）\u3000港区では、保育園の待機児童が、ゼロになりました。'));
    assert.ok(xml.includes('◆５番（鈴木健太郎君）\u3000質問いたします。'));

    // the council's style and rules: ○ only, 議員 for councillors, 漢数字, まあ kept
    const settings = await service.getCouncilSettings();
    await service.saveCouncilSettings({
      ...settings,
      cleanupRules: settings.cleanupRules.map((r) => (r.id === 'maa' ? { ...r, enabled: false } : r)),
      minutesStyle: { ...DEFAULT_MINUTES_STYLE, marks: 'circleOnly', honorific: '議員', honorificFor: 'councillors', numerals: 'kanji' },
    });
    writeFileSync(clean, Buffer.from(await service.exportMeetingBase64(meetingId, 'docx', 'clean'), 'base64'));
    xml = documentXml(clean);
    assert.ok(xml.includes('令和六年十一月十八日'));
    assert.ok(xml.includes('○区長（武藤正人）\u3000港区では'), 'no 議員 for the executive');
    assert.ok(xml.includes('○五番（鈴木健太郎議員）\u3000まあ、質問いたします。'));
  });
});

test('.txt/.srt/.vtt/.csv through the API as downloads; no method takes a path to write to', async () => {
  await withMeeting(async (service, meetingId, dir) => {
    const srt = join(dir, 'meeting.srt');
    writeFileSync(srt, Buffer.from(await service.exportMeetingBase64(meetingId, 'srt', 'clean'), 'base64'));
    assert.match(readFileSync(srt, 'utf8'), /^1\n00:00:00,000 --> 00:00:05,000\n議長 池田隆之：ただいまから/);
    assert.ok(readFileSync(srt, 'utf8').includes('区長 武藤正人：港区では、保育園の待機児童が、ゼロになりました。'));
    const reply = await dispatchApiCall(service, 'exportMeetingBase64', [meetingId, 'vtt', 'verbatim']);
    assert.ok(reply.ok);
    const vtt = Buffer.from(reply.value as string, 'base64').toString('utf8');
    assert.match(vtt, /^WEBVTT\n\n00:00:00\.000 --> 00:00:05\.000\n<v 議長 池田隆之>ただいま/);
    assert.ok(vtt.includes('えー、港区では'));
    const csv = Buffer.from(await service.exportMeetingBase64(meetingId, 'csv', 'verbatim'), 'base64').toString('utf8');
    assert.ok(csv.startsWith('\uFEFFstart,end,speaker,text\r\n'));
    const txt = Buffer.from(await service.exportMeetingBase64(meetingId, 'txt', 'clean'), 'base64').toString('utf8');
    assert.ok(txt.includes('◆５番（鈴木健太郎君）\u3000質問いたします。'));

    // the page never names a place to write: there is no such method
    const byPath = await dispatchApiCall(service, 'exportMeeting', [meetingId, join(dir, 'x.docx'), 'docx', 'clean']);
    assert.ok(!byPath.ok && byPath.error.code === 'UNKNOWN_METHOD');
    const badFormat = await dispatchApiCall(service, 'exportMeetingBase64', [meetingId, 'pdf', 'clean']);
    assert.ok(!badFormat.ok && badFormat.error.code === 'BAD_ARGUMENTS');
  });
});

test('cleanTexts gives the spans ケバ取り removes with the council rules', async () => {
  await withMeeting(async (service) => {
    const [spans] = await service.cleanTexts(['えー、港区では、あのー、ゼロです。']);
    assert.deepEqual(spans, [
      { start: 0, end: 3, rule: 'ee' },
      { start: 8, end: 12, rule: 'ano' },
    ]);
  });
});
