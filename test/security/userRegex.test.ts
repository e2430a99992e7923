// Issue 13, "user regexes run on the API thread / UI thread": /(え*)*x/ on 26 characters froze every
// API call for 1.6 s (doubling per character) and the rule was stored. Now a pattern that can run away
// is refused when saved or sent, and whatever passes runs in a worker thread with a deadline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CouncilSettings } from '../../native/common/api';
import { createApiService, type ApiService } from '../../native/app/createApiService';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { openStore } from '../../native/store/openStore';
import type { MeetingStore } from '../../native/store/meetingStoreContract';
import { sampleTranscript } from '../helpers/transcripts';
import { HONKAIGI } from '../store/storeFixtures';
import { tempDir } from '../helpers/fixtures';

const DEADLINES = { clean: 1500, replace: 1500 };

async function withService(run: (service: ApiService, store: MeetingStore) => Promise<void>): Promise<void> {
  const dataDir = tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir, mediaUrl: () => '', regexDeadlinesMs: DEADLINES });
  try {
    await run(service, store);
  } finally {
    await service.close();
    store.close();
  }
}

const withRule = (settings: CouncilSettings, pattern: string): CouncilSettings => ({
  ...settings,
  cleanupRules: [...settings.cleanupRules, { id: 'mine', pattern, kind: 'custom', enabled: true }],
});

test('a ケバ取り rule or a replace-all pattern that can backtrack exponentially is refused, and nothing is stored', async () => {
  await withService(async (service, store) => {
    const before = await service.getCouncilSettings();
    for (const pattern of ['/(え*)*x/', '/(あの|あのー)+/', '/(.)\\1/']) {
      const r = await dispatchApiCall(service, 'saveCouncilSettings', [withRule(before, pattern)]);
      assert.ok(!r.ok && r.error.code === 'BAD_ARGUMENTS', `${pattern}: ${JSON.stringify(r)}`);
    }
    assert.deepEqual(await service.getCouncilSettings(), before);
    const meeting = store.createMeeting(HONKAIGI, { path: '/x.flac', durationS: 60 });
    store.importTranscript(meeting.id, sampleTranscript());
    const r = await dispatchApiCall(service, 'applyEdit', [
      meeting.id,
      { kind: 'replaceAll', find: '(え*)*x', replace: '', regex: true, caseSensitive: false },
    ]);
    assert.ok(!r.ok && r.error.code === 'BAD_ARGUMENTS' && /時間がかかりすぎる/.test(r.error.text.ja), JSON.stringify(r));
    // plain text and sane patterns still work, through the worker
    const ok = await service.applyEdit(meeting.id, {
      kind: 'replaceAll',
      find: '(本日|今日)',
      replace: '本日',
      regex: true,
      caseSensitive: false,
    });
    assert.ok(ok.count >= 0);
  });
});

test('what passes the check still runs off the API thread: past its deadline it stops, nothing changes, the API answers meanwhile', async () => {
  await withService(async (service, store) => {
    const meeting = store.createMeeting(HONKAIGI, { path: '/x.flac', durationS: 60 });
    const view = store.importTranscript(meeting.id, sampleTranscript());
    const long = 'え'.repeat(3000);
    store.applyEdit(meeting.id, { kind: 'setText', segmentId: view.segments[0]!.id, text: long });
    // polynomial, not exponential: passes the check, yet takes far longer than any deadline on 3,000 characters
    const slow = '/.*.*.*.*x/';
    const settings = await service.saveCouncilSettings(withRule(await service.getCouncilSettings(), slow));
    const t0 = Date.now();
    const cleaning = dispatchApiCall(service, 'cleanTexts', [[long]]);
    const ping0 = Date.now();
    await service.listJobs();
    await service.getMeeting(meeting.id);
    const pingMs = Date.now() - ping0;
    const cleaned = await cleaning;
    assert.ok(!cleaned.ok && /ケバ取り/.test(cleaned.error.text.ja), JSON.stringify(cleaned));
    assert.ok(Date.now() - t0 < DEADLINES.clean + 3000, `stopped at its deadline (${Date.now() - t0} ms)`);
    assert.ok(pingMs < 300, `the API answered in ${pingMs} ms while the rule ran`);
    assert.equal(settings.cleanupRules.at(-1)?.pattern, slow);

    const undoBefore = (await service.getTranscript(meeting.id)).canUndo;
    const replacing = dispatchApiCall(service, 'applyEdit', [
      meeting.id,
      { kind: 'replaceAll', find: '.*.*.*.*x', replace: '', regex: true, caseSensitive: false },
    ]);
    const ping1 = Date.now();
    await service.listMeetings('');
    assert.ok(Date.now() - ping1 < 300);
    const replaced = await replacing;
    assert.ok(!replaced.ok && /置換/.test(replaced.error.text.ja), JSON.stringify(replaced));
    const after = await service.getTranscript(meeting.id);
    assert.equal(after.segments[0]!.text, long, 'nothing changed');
    assert.equal(after.canUndo, undoBefore);
    // the next job gets a fresh worker
    const ok = await service.cleanTexts(['えー、本日は。']);
    assert.ok(Array.isArray(ok));
  });
});
