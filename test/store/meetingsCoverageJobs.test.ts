import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../native/store/openStore';
import { transcriptOf } from '../helpers/transcripts';
import { HONKAIGI, assertGijirokuError, sampleMeeting, storePath, tempFolder, withStore } from './storeFixtures';

test(
  'meetings: create, read, update, relink media; input is checked',
  withStore((store, dir) => {
    const media = join(dir, '本会議 録音.wav');
    writeFileSync(media, 'RIFF');
    const m = store.createMeeting({ ...HONKAIGI, title: '  第1回定例会  ' }, { path: media, durationS: 3600 });
    assert.deepEqual(
      { ...m, updatedAt: '' },
      {
        id: m.id,
        title: '第1回定例会',
        body: '本会議',
        date: '2024-03-01',
        place: '議場',
        status: 'new',
        durationS: 3600,
        updatedAt: '',
        match: null,
        media: { id: m.media!.id, meetingId: m.id, path: media, durationS: 3600, present: true },
      },
    );
    const updated = store.updateMeeting(m.id, { title: '第1回定例会（2日目）', body: '本会議', date: '2024-03-02', place: '議場' });
    assert.deepEqual([updated.title, updated.date], ['第1回定例会（2日目）', '2024-03-02']);
    const moved = store.setMediaPath(m.id, join(dir, 'どこにもない.wav'));
    assert.deepEqual([moved.media?.path, moved.media?.present, moved.media?.durationS], [join(dir, 'どこにもない.wav'), false, 3600]);
    assert.deepEqual(store.getMeeting(m.id), moved);
    assertGijirokuError(
      () => store.createMeeting({ ...HONKAIGI, date: '2024-02-30' }, { path: media, durationS: null }),
      'BAD_ARGUMENTS',
      /入力が正しくありません/,
      /date/,
    );
    assertGijirokuError(() => store.createMeeting({ ...HONKAIGI, title: ' ' }, { path: media, durationS: null }), 'BAD_ARGUMENTS', /title/);
    assertGijirokuError(() => store.getMeeting(999), 'BAD_ARGUMENTS', /会議（ID 999）/, /meeting with id 999/);
  }),
);

test(
  'importTranscript: speakers with distinct colours, tokens kept, meeting ready with its duration',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    assert.deepEqual(
      view.speakers.map((s) => [s.label, s.name, s.role]),
      [
        ['S1', '', ''],
        ['S2', '', ''],
      ],
    );
    assert.notEqual(view.speakers[0]!.color, view.speakers[1]!.color);
    assert.deepEqual(
      view.segments.map((s) => s.speakerId),
      [view.speakers[0]!.id, view.speakers[1]!.id, view.speakers[0]!.id, null],
    );
    assert.deepEqual(view.segments[1]!.tokens[2], { start: 11, end: 11.5, text: '12', p: 0.9 });
    assert.deepEqual([view.canUndo, view.canRedo], [false, false]);
    const m = store.getMeeting(meetingId);
    assert.deepEqual([m.status, m.durationS], ['ready', 3600.5]);

    const many = Array.from({ length: 30 }, (_, i) => ({ id: i, start: i, end: i + 1, speaker: `S${i}`, text: `発言${i}`, tokens: [] }));
    const big = store.importTranscript(meetingId, transcriptOf(many, { duration: 30 }));
    assert.equal(big.speakers.length, 30);
    assert.equal(new Set(big.speakers.map((s) => s.color)).size, 30, 'every speaker has its own colour');
    assert.ok(big.speakers.every((s) => /^#[0-9A-F]{6}$/.test(s.color)));
    assert.equal(big.segments.length, 30);
    assertGijirokuError(() => store.importTranscript(meetingId, { version: 2 } as never), 'BAD_ARGUMENTS', /文字起こし結果/);
    assert.equal(store.getTranscript(meetingId).segments.length, 30, 'a refused import changes nothing');
  }),
);

test('coverage: intervals merge when they overlap or touch, sorted, and persist', () => {
  const folder = tempFolder();
  try {
    let store = openStore(storePath(folder.dir));
    const { meetingId } = sampleMeeting(store);
    assert.deepEqual(store.getCoverage(meetingId), []);
    assert.deepEqual(store.recordListened(meetingId, 10, 20), [[10, 20]]);
    assert.deepEqual(store.recordListened(meetingId, 40, 50), [
      [10, 20],
      [40, 50],
    ]);
    assert.deepEqual(store.recordListened(meetingId, 0, 5), [
      [0, 5],
      [10, 20],
      [40, 50],
    ]);
    assert.deepEqual(store.recordListened(meetingId, 15, 25), [
      [0, 5],
      [10, 25],
      [40, 50],
    ]);
    assert.deepEqual(
      store.recordListened(meetingId, 25, 30),
      [
        [0, 5],
        [10, 30],
        [40, 50],
      ],
      'touching intervals join',
    );
    assert.deepEqual(
      store.recordListened(meetingId, 12, 13),
      [
        [0, 5],
        [10, 30],
        [40, 50],
      ],
      'inside changes nothing',
    );
    assert.deepEqual(
      store.recordListened(meetingId, 7, 7),
      [
        [0, 5],
        [10, 30],
        [40, 50],
      ],
      'an empty interval changes nothing',
    );
    assert.deepEqual(store.recordListened(meetingId, 4, 45), [[0, 50]], 'one interval spanning several');
    assertGijirokuError(() => store.recordListened(meetingId, 9, 8), 'BAD_ARGUMENTS', /再生区間/);
    assertGijirokuError(() => store.recordListened(meetingId, Number.NaN, 8), 'BAD_ARGUMENTS');
    const other = sampleMeeting(store, { ...HONKAIGI, title: '別会議' });
    assert.deepEqual(store.recordListened(other.meetingId, 1.5, 2.25), [[1.5, 2.25]]);
    store.close();
    store = openStore(storePath(folder.dir));
    assert.deepEqual(store.getCoverage(meetingId), [[0, 50]]);
    assert.deepEqual(store.getCoverage(other.meetingId), [[1.5, 2.25]]);
    store.close();
  } finally {
    folder.dispose();
  }
});

test('jobs: lifecycle, progress and errors, unfinished jobs after a restart, meeting status', () => {
  const folder = tempFolder();
  try {
    let store = openStore(storePath(folder.dir));
    const a = store.createMeeting(HONKAIGI, { path: '/r/a.wav', durationS: 100 });
    const b = store.createMeeting({ ...HONKAIGI, title: '委員会' }, { path: '/r/b.wav', durationS: 100 });
    const ja = store.createJob(a.id, '/models/ggml-large-v3-turbo.bin');
    assert.deepEqual(ja, {
      id: ja.id,
      meetingId: a.id,
      state: 'queued',
      model: '/models/ggml-large-v3-turbo.bin',
      progress: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    assert.equal(store.getMeeting(a.id).status, 'transcribing');
    const running = store.updateJob(ja.id, { state: 'running', progress: { stage: 'asr', progress: 0.42, eta_s: 81 } });
    assert.deepEqual([running.state, running.progress, running.finishedAt], ['running', { stage: 'asr', progress: 0.42, eta_s: 81 }, null]);
    assert.ok(running.startedAt && !Number.isNaN(Date.parse(running.startedAt)));
    const jb = store.createJob(b.id, '/models/ggml-base.bin');
    assert.deepEqual(
      store.listJobs().map((j) => j.id),
      [jb.id, ja.id],
    );
    store.close();

    store = openStore(storePath(folder.dir));
    assert.deepEqual(
      store.unfinishedJobs().map((j) => [j.id, j.state]),
      [
        [ja.id, 'running'],
        [jb.id, 'queued'],
      ],
    );
    const failed = store.updateJob(jb.id, { state: 'failed', error: { ja: 'モデルが見つかりません', en: 'Model not found' } });
    assert.deepEqual([failed.error, failed.startedAt], [{ ja: 'モデルが見つかりません', en: 'Model not found' }, null]);
    assert.ok(failed.finishedAt);
    assert.equal(store.getMeeting(b.id).status, 'failed');
    assertGijirokuError(() => store.updateJob(jb.id, { state: 'running' }), 'BAD_ARGUMENTS', /終了/, /already failed/);
    const done = store.updateJob(ja.id, { state: 'done', progress: { stage: 'done', progress: 1, eta_s: 0 } });
    assert.equal(done.startedAt, running.startedAt);
    assert.deepEqual(store.unfinishedJobs(), []);
    assert.deepEqual(store.getJob(ja.id), done);
    assertGijirokuError(() => store.getJob(12345), 'BAD_ARGUMENTS', /処理（ID 12345）/);
    assertGijirokuError(() => store.updateJob(ja.id, { progress: { stage: 'asr', progress: 2, eta_s: null } }), 'BAD_ARGUMENTS');
    assertGijirokuError(() => store.createJob(999, 'x'), 'BAD_ARGUMENTS', /会議/);
    store.close();
  } finally {
    folder.dispose();
  }
});
