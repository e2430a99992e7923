// The promise of recording: nothing acknowledged is lost. The real app (scripts/start.mjs)
// records through the bridge; it is killed with SIGKILL mid-recording, and at the next
// start the recording up to the last acknowledged chunk is a meeting, sample for sample.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Meeting, MeetingSummary, RecordingStatus, RecoveredRecording } from '../../native/common/api';
import { callApi, japaneseDataDir, missingAppPieces, startApp, type RunningApp, openPage } from '../e2e/helpers/appProcess';
import { openBrowser } from '../e2e/helpers/browser';
import { ROOT } from '../helpers/fixtures';

const CHUNK_SAMPLES = 16000; // one second, as the page sends
const skip = missingAppPieces();

/** a second of a known, non-silent signal: sample k of chunk c */
function chunk(c: number): Buffer {
  const b = Buffer.alloc(CHUNK_SAMPLES * 2);
  for (let k = 0; k < CHUNK_SAMPLES; k++) b.writeInt16LE(Math.round(8000 * Math.sin((c * CHUNK_SAMPLES + k) * 0.05)), k * 2);
  return b;
}

const meeting = { title: '停電テスト', body: '本会議', date: '2026-11-26', place: '議場' };

describe('recording survives kill -9', { skip: skip ?? false }, () => {
  const apps: RunningApp[] = [];
  after(async () => {
    for (const a of apps) await a.close();
  });

  it('recovers every acknowledged second at the next start and makes it a meeting', async () => {
    const dataDir = japaneseDataDir();
    const first = await startApp(dataDir);
    apps.push(first);
    const rec = await callApi<RecordingStatus>(first, 'startRecording', meeting, '');
    // a second recording killed before its first chunk: nothing to recover, and no empty meeting
    await callApi<RecordingStatus>(first, 'startRecording', { ...meeting, title: '空' }, '');
    const sent = 12;
    for (let c = 0; c < sent; c++) {
      const reply = await callApi<{ durationS: number }>(first, 'appendRecording', rec.recordingId, chunk(c).toString('base64'));
      assert.equal(reply.durationS, c + 1);
    }
    await first.kill9();

    const second = await startApp(dataDir);
    apps.push(second);
    const recovered = await callApi<RecoveredRecording[]>(second, 'listRecoveredRecordings');
    assert.equal(recovered.length, 1);
    assert.equal(recovered[0]?.durationS, sent);
    assert.equal(recovered[0]?.title, '停電テスト');
    const m = await callApi<Meeting>(second, 'getMeeting', recovered[0]!.meetingId);
    assert.equal(m.durationS, sent);
    const wav = readFileSync(m.media!.path);
    assert.equal(wav.readUInt32LE(40), sent * CHUNK_SAMPLES * 2, 'the header is fixed for every sample on disk');
    assert.equal(wav.length, 44 + sent * CHUNK_SAMPLES * 2);
    const expected = Buffer.concat(Array.from({ length: sent }, (_, c) => chunk(c)));
    assert.ok(wav.subarray(44).equals(expected), 'the samples are the ones sent, in order');
    const listed = await callApi<MeetingSummary[]>(second, 'listMeetings', '');
    assert.deepEqual(
      listed.map((x) => x.title),
      ['停電テスト'],
    );

    // the library says so, with the duration
    const browser = await openBrowser();
    try {
      await openPage(browser.page, second);
      const banner = browser.page.locator('[data-testid=recovered-banner]');
      await banner.waitFor();
      assert.match(await banner.innerText(), /前回の録音を復元しました：停電テスト（0:12）/);
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      await browser.page.screenshot({ path: join(ROOT, 'test-output', 'recording-recovered.png') });
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
    }

    // recovered once: a third start offers nothing new
    await second.close();
    const third = await startApp(dataDir);
    apps.push(third);
    assert.deepEqual(await callApi<RecoveredRecording[]>(third, 'listRecoveredRecordings'), []);
    assert.equal((await callApi<MeetingSummary[]>(third, 'listMeetings', '')).length, 1);
  });

  it('stop makes the recording a meeting whose duration is what was sent', async () => {
    const app = await startApp(japaneseDataDir());
    apps.push(app);
    const rec = await callApi<RecordingStatus>(app, 'startRecording', { ...meeting, title: '' }, '');
    for (let c = 0; c < 3; c++) await callApi(app, 'appendRecording', rec.recordingId, chunk(c).toString('base64'));
    const m = await callApi<Meeting>(app, 'stopRecording', rec.recordingId);
    assert.equal(m.durationS, 3);
    assert.match(m.title, /^録音 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await assert.rejects(callApi(app, 'appendRecording', rec.recordingId, chunk(0).toString('base64')), /RECORDING_NOT_FOUND/);
    await assert.rejects(callApi(app, 'appendRecording', rec.recordingId, 'AAA='), /RECORDING_NOT_FOUND|BAD_ARGUMENTS/);
  });
});
