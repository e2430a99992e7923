// The review pass's store: doubt levels kept with the tokens; the pass's stretches set at import
// (要確認 words padded 0.5 s and merged, and lines without text), confirmed one by one (counted as
// listened, kept across a restart), replaced by the next import; migration 8 gives meetings
// imported earlier their stretches from the old low-probability marks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Transcript } from '../../native/common/transcript';
import { migrate } from '../../native/store/migrations/index';
import { openStore } from '../../native/store/openStore';
import { sampleTranscript } from '../helpers/transcripts';
import { HONKAIGI, assertGijirokuError, freshDatabase, sampleMeeting, storePath, tempFolder, withStore } from './storeFixtures';

/** Every third word (the third, sixth …) of each line is 要確認, the one before it 念のため. */
function withDoubt(t: Transcript): Transcript {
  const levels = ['none', 'maybe', 'check'] as const;
  return {
    ...t,
    segments: t.segments.map((s) => ({
      ...s,
      tokens: s.tokens.map((tok, i) => ({ ...tok, doubtLevel: levels[i % 3]!, doubt: levels[i % 3] === 'check' })),
    })),
  };
}
const spans = (state: { stretches: { start: number; end: number; confirmed: boolean }[] }) =>
  state.stretches.map((s) => [s.start, s.end, s.confirmed]);

test(
  'doubt levels are kept with the tokens, and through an edit that keeps the words',
  withStore((store) => {
    const { meetingId } = sampleMeeting(store);
    const view = store.importTranscript(meetingId, withDoubt(sampleTranscript()));
    const first = view.segments[0]!;
    assert.deepEqual(
      first.tokens.slice(0, 3).map((t) => [t.text, t.doubtLevel, t.doubt]),
      [
        ['ただ', 'none', false],
        ['今', 'maybe', false],
        ['から', 'check', true],
      ],
    );
    store.applyEdit(meetingId, { kind: 'setText', segmentId: first.id, text: first.text.replace('本', '全') });
    const after = store.getTranscript(meetingId).segments[0]!;
    assert.deepEqual(after.tokens.find((t) => t.text === 'から')?.doubtLevel, 'check');
    assert.equal(
      after.tokens.find((t) => t.text === '本'),
      undefined,
      'the changed word lost its token',
    );
  }),
);

test(
  'tokens of a transcript without doubt levels read back without them',
  withStore((store) => {
    const { view } = sampleMeeting(store);
    assert.deepEqual(view.segments[0]!.tokens[0], { start: 1, end: 1.5, text: 'ただ', p: 0.9 });
  }),
);

test(
  'import sets the pass: 要確認 words padded by 0.5 s and merged, in time order, none confirmed',
  withStore((store) => {
    const { meetingId } = sampleMeeting(store);
    store.importTranscript(meetingId, withDoubt(sampleTranscript()));
    // line 1 (from 1 s, 0.5 s a word): words 3, 6, 9 at 2.0, 3.5, 5.0 → 1.5–6.0 once padded and merged
    assert.deepEqual(spans(store.getReview(meetingId)), [
      [1.5, 6, false],
      [10.5, 13.5, false],
      [20.5, 23.5, false],
    ]);
    const edited = store.getTranscript(meetingId).segments[0]!;
    store.applyEdit(meetingId, { kind: 'setText', segmentId: edited.id, text: 'まったく別の文です。' });
    assert.equal(store.getReview(meetingId).stretches.length, 3, 'an edit does not move the pass');
  }),
);

test(
  'without doubt levels the pass takes the words with p < 0.5, and a line without text is always in it',
  withStore((store) => {
    const { meetingId } = sampleMeeting(store);
    const t = sampleTranscript();
    t.segments[1]!.tokens[2]!.p = 0.3;
    t.segments.push({ id: 4, start: 50, end: 58, speaker: null, text: '', tokens: [], unheard: true });
    store.importTranscript(meetingId, t);
    assert.deepEqual(spans(store.getReview(meetingId)), [
      [10.5, 12, false],
      [49.5, 58.5, false],
    ]);
  }),
);

test('a confirmed stretch counts as listened and stays confirmed after the store is closed', () => {
  const folder = tempFolder();
  try {
    let store = openStore(storePath(folder.dir));
    const { meetingId } = sampleMeeting(store);
    store.importTranscript(meetingId, withDoubt(sampleTranscript()));
    store.recordListened(meetingId, 0, 2);
    const [a, b] = store.getReview(meetingId).stretches;
    const state = store.confirmReviewStretch(meetingId, a!.id);
    assert.deepEqual(spans(state), [
      [1.5, 6, true],
      [10.5, 13.5, false],
      [20.5, 23.5, false],
    ]);
    assert.deepEqual(state.listened, [[0, 6]]);
    assert.deepEqual(spans(store.confirmReviewStretch(meetingId, a!.id)), spans(state), 'confirming twice changes nothing');
    store.confirmReviewStretch(meetingId, b!.id);
    store.close();
    store = openStore(storePath(folder.dir));
    const again = store.getReview(meetingId);
    assert.deepEqual(spans(again), [
      [1.5, 6, true],
      [10.5, 13.5, true],
      [20.5, 23.5, false],
    ]);
    assert.deepEqual(again.listened, [
      [0, 6],
      [10.5, 13.5],
    ]);
    store.close();
  } finally {
    folder.dispose();
  }
});

test(
  'confirming checks the stretch belongs to the meeting; a new import replaces the pass',
  withStore((store) => {
    const { meetingId } = sampleMeeting(store);
    store.importTranscript(meetingId, withDoubt(sampleTranscript()));
    const other = store.createMeeting(HONKAIGI, { path: '/recordings/b.flac', durationS: null });
    store.importTranscript(other.id, withDoubt(sampleTranscript()));
    const mine = store.getReview(meetingId).stretches[0]!;
    const theirs = store.getReview(other.id).stretches[0]!;
    assertGijirokuError(() => store.confirmReviewStretch(meetingId, theirs.id), 'BAD_ARGUMENTS', /確認する区間/);
    assertGijirokuError(() => store.confirmReviewStretch(meetingId, 0), 'BAD_ARGUMENTS');
    assertGijirokuError(() => store.confirmReviewStretch(999, mine.id), 'BAD_ARGUMENTS', /会議（ID 999）/);
    store.confirmReviewStretch(meetingId, mine.id);
    store.importTranscript(meetingId, sampleTranscript());
    assert.deepEqual(store.getReview(meetingId).stretches, [], 'the new transcript has no doubtful words');
    assert.deepEqual(store.getReview(meetingId).listened, [[1.5, 6]], 'what was heard stays heard');
    assert.equal(store.getReview(other.id).stretches.length, 3);
  }),
);

test('version 5 → 6: meetings imported earlier get a pass from their stored words', () => {
  const folder = tempFolder();
  try {
    const db = freshDatabase(folder.dir);
    migrate(db, 5);
    const now = '2024-06-01T00:00:00.000Z';
    db.prepare(
      "INSERT INTO meetings (id, title, date, status, duration_s, created_at, updated_at) VALUES (7, '委員会', '2024-06-01', 'ready', 20, ?, ?)",
    ).run(now, now);
    db.prepare(
      `INSERT INTO segments (meeting_id, seq, start_s, end_s, text, tokens) VALUES (7, 1024, 0, 5, '区長の答弁', '[[1,2,"区長",0.3],[2,3,"の",0.9],[3,4,"答弁",0.45]]')`,
    ).run();
    db.prepare(
      "INSERT INTO segments (meeting_id, seq, start_s, end_s, text, tokens) VALUES (7, 2048, 10, 19.8, '異議なし', '[[10,11,\"異議なし\",0.95]]')",
    ).run();
    db.close();
    const store = openStore(storePath(folder.dir));
    try {
      // 区長 (p 0.3) and 答弁 (p 0.45) are the old marks: 0.5–2.5 and 2.5–4.5, merged
      assert.deepEqual(spans(store.getReview(7)), [[0.5, 4.5, false]]);
      assert.deepEqual(store.getTranscript(7).segments[0]!.tokens[0], { start: 1, end: 2, text: '区長', p: 0.3 });
    } finally {
      store.close();
    }
  } finally {
    folder.dispose();
  }
});
