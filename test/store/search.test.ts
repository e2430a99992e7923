import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { line, transcriptOf } from '../helpers/transcripts';
import { sampleMeeting, storePath, withStore } from './storeFixtures';

test(
  'an empty query lists every meeting, newest first',
  withStore((store) => {
    const a = sampleMeeting(store, { title: '第1回定例会', body: '本会議', date: '2024-03-01', place: '議場' });
    const b = sampleMeeting(store, { title: '厚生委員会', body: '厚生委員会', date: '2024-06-10', place: '第2委員会室' });
    const c = store.createMeeting(
      { title: '予算特別委員会', body: '委員会', date: '2023-12-01', place: '' },
      { path: '/r/c.wav', durationS: 60 },
    );
    const list = store.listMeetings('');
    assert.deepEqual(
      list.map((m) => m.id),
      [b.meetingId, a.meetingId, c.id],
    );
    assert.deepEqual(
      list.map((m) => m.match),
      [null, null, null],
    );
    assert.deepEqual(list[2], {
      id: c.id,
      title: '予算特別委員会',
      body: '委員会',
      date: '2023-12-01',
      place: '',
      status: 'new',
      durationS: 60,
      updatedAt: list[2]!.updatedAt,
      match: null,
    });
    assert.deepEqual(store.listMeetings('   ').length, 3);
  }),
);

test(
  'three or more characters search the transcript through FTS5 trigram, with a snippet',
  withStore((store, dir) => {
    const a = sampleMeeting(store);
    const b = store.createMeeting(
      { title: '厚生委員会', body: '委員会', date: '2024-06-10', place: '' },
      { path: '/r/b.wav', durationS: 10 },
    );
    const found = store.listMeetings('質問を許');
    assert.deepEqual(
      found.map((m) => [m.id, m.match]),
      [[a.meetingId, '鈴木議員の質問を許します。']],
    );
    assert.deepEqual(
      store.listMeetings('厚生委員').map((m) => [m.id, m.match]),
      [[b.id, null]],
      'titles are searched too',
    );
    assert.deepEqual(
      store.listMeetings('abc').map((m) => m.id),
      [a.meetingId],
      'latin text is matched without case',
    );
    assert.deepEqual(store.listMeetings('存在しない言葉'), []);
    assert.deepEqual(store.listMeetings('"議長'), [], 'quotes in the query are text, not FTS syntax');
    // prove the index itself answers, not a scan
    const db = new Database(storePath(dir), { readonly: true });
    const hits = db.prepare('SELECT count(*) AS n FROM segments_fts WHERE segments_fts MATCH \'"質問を許"\'').get() as { n: number };
    assert.equal(hits.n, 1);
    db.close();
  }),
);

test(
  'one or two characters fall back to LIKE (議長, 区長)',
  withStore((store) => {
    const a = sampleMeeting(store);
    const b = store.createMeeting({ title: '区議会', body: '', date: '2024-07-01', place: '' }, { path: '/r/b.wav', durationS: 10 });
    store.importTranscript(
      b.id,
      transcriptOf([line(0, 0, null, 'ただいまの質問について区長から答弁します。', 3)], { path: '/r/b.wav', duration: 10 }),
    );
    assert.deepEqual(
      store.listMeetings('議長').map((m) => [m.id, m.match]),
      [[a.meetingId, '議長、12番鈴木議員。']],
    );
    assert.deepEqual(
      store.listMeetings('区長').map((m) => [m.id, m.match]),
      [[b.id, 'ただいまの質問について区長から答弁します。']],
    );
    assert.deepEqual(
      store.listMeetings('質問').map((m) => m.id),
      [b.id, a.meetingId],
    );
    assert.deepEqual(
      store.listMeetings('区').map((m) => [m.id, m.match]),
      [[b.id, 'ただいまの質問について区長から答弁します。']],
    );
    assert.deepEqual(store.listMeetings('%'), [], 'LIKE wildcards in the query are literal');
    assert.deepEqual(store.listMeetings('_'), []);
  }),
);

test(
  'several terms must all match; long segments give a short snippet',
  withStore((store) => {
    const a = sampleMeeting(store);
    const b = sampleMeeting(store, { title: '臨時会', body: '本会議', date: '2024-05-01', place: '' });
    const long = `${'あ'.repeat(50)}補正予算の審議${'い'.repeat(80)}`;
    store.applyEdit(b.meetingId, { kind: 'setText', segmentId: b.view.segments[3]!.id, text: long });
    assert.deepEqual(
      store.listMeetings('議長 補正予算').map((m) => m.id),
      [b.meetingId],
    );
    assert.deepEqual(
      store.listMeetings('議長　臨時会').map((m) => [m.id, m.match]),
      [[b.meetingId, '議長、12番鈴木議員。']],
      'a full-width space separates terms',
    );
    const [hit] = store.listMeetings('補正予算');
    assert.equal(hit?.match, `…${'あ'.repeat(20)}補正予算の審議${'い'.repeat(37)}…`);
    assert.deepEqual(
      store.listMeetings('議長').map((m) => m.id),
      [b.meetingId, a.meetingId],
    );
  }),
);

test(
  'the index follows edits, undo and re-import',
  withStore((store, dir) => {
    const { meetingId, view } = sampleMeeting(store);
    const id = view.segments[0]!.id;
    store.applyEdit(meetingId, { kind: 'setText', segmentId: id, text: 'ただいまから臨時会を開きます。' });
    assert.deepEqual(
      store.listMeetings('臨時会を').map((m) => m.id),
      [meetingId],
    );
    assert.deepEqual(store.listMeetings('本会議を'), []);
    store.undo(meetingId);
    assert.deepEqual(store.listMeetings('臨時会を'), []);
    assert.deepEqual(
      store.listMeetings('本会議を').map((m) => m.id),
      [meetingId],
    );
    store.applyEdit(meetingId, { kind: 'mergeNext', segmentId: id });
    store.applyEdit(meetingId, { kind: 'split', segmentId: id, offset: 3 });
    store.undo(meetingId);
    store.updateMeeting(meetingId, { title: '第2回臨時議会', body: '本会議', date: '2024-03-01', place: '' });
    assert.deepEqual(
      store.listMeetings('臨時議会').map((m) => [m.id, m.match]),
      [[meetingId, null]],
    );
    assert.deepEqual(store.listMeetings('定例会'), []);
    const db = new Database(storePath(dir));
    // FTS5 checks the index against the content tables and throws on any difference
    db.prepare("INSERT INTO segments_fts (segments_fts) VALUES ('integrity-check')").run();
    db.prepare("INSERT INTO meetings_fts (meetings_fts) VALUES ('integrity-check')").run();
    const n = db.prepare('SELECT count(*) AS n FROM segments_fts WHERE segments_fts MATCH \'"ます。議長"\'').get() as { n: number };
    assert.equal(n.n, 1, 'the merged text is indexed');
    db.close();
  }),
);
