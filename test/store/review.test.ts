// The review pass's store: doubt levels kept with the tokens, confirmed stretches (migration 0006)
// that count as listened, survive a restart and go when a new transcript is imported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Transcript } from '../../native/common/transcript';
import { openStore } from '../../native/store/openStore';
import { HONKAIGI, assertGijirokuError, sampleMeeting, sampleTranscript, storePath, tempFolder, withStore } from './storeFixtures';

function withDoubt(t: Transcript): Transcript {
  const levels = ['none', 'maybe', 'check'] as const;
  return {
    ...t,
    segments: t.segments.map((s) => ({
      ...s, tokens: s.tokens.map((tok, i) => ({ ...tok, doubtLevel: levels[i % 3]!, doubt: levels[i % 3] === 'check' })),
    })),
  };
}

test('doubt levels are kept with the tokens, and through an edit that keeps the words', withStore((store) => {
  const { meetingId } = sampleMeeting(store);
  const view = store.importTranscript(meetingId, withDoubt(sampleTranscript()));
  const first = view.segments[0]!;
  assert.deepEqual(first.tokens.slice(0, 3).map((t) => [t.text, t.doubtLevel, t.doubt]), [['ただ', 'none', false], ['今', 'maybe', false], ['から', 'check', true]]);
  store.applyEdit(meetingId, { kind: 'setText', segmentId: first.id, text: first.text.replace('本', '全') });
  const after = store.getTranscript(meetingId).segments[0]!;
  assert.deepEqual(after.tokens.find((t) => t.text === 'から')?.doubtLevel, 'check');
  assert.equal(after.tokens.find((t) => t.text === '本'), undefined, 'the changed word lost its token');
}));

test('tokens of a transcript without doubt levels read back without them', withStore((store) => {
  const { view } = sampleMeeting(store);
  assert.deepEqual(view.segments[0]!.tokens[0], { start: 1, end: 1.5, text: 'ただ', p: 0.9 });
}));

test('a confirmed stretch is kept once, counts as listened and survives closing the store', () => {
  const folder = tempFolder();
  try {
    let store = openStore(storePath(folder.dir));
    const { meetingId } = sampleMeeting(store);
    assert.deepEqual(store.getReview(meetingId), { confirmed: [], listened: [] });
    store.recordListened(meetingId, 0, 2);
    assert.deepEqual(store.confirmReviewStretch(meetingId, 1.5, 3.25), { confirmed: [[1.5, 3.25]], listened: [[0, 3.25]] });
    store.confirmReviewStretch(meetingId, 10, 12);
    assert.deepEqual(store.confirmReviewStretch(meetingId, 10.5, 11).confirmed, [[1.5, 3.25], [10, 12]], 'a stretch already covered is not stored again');
    store.close();
    store = openStore(storePath(folder.dir));
    assert.deepEqual(store.getReview(meetingId), { confirmed: [[1.5, 3.25], [10, 12]], listened: [[0, 3.25], [10, 12]] });
    store.close();
  } finally {
    folder.dispose();
  }
});

test('confirming checks its input; importing a new transcript clears what was confirmed', withStore((store) => {
  const { meetingId } = sampleMeeting(store);
  store.confirmReviewStretch(meetingId, 1, 2);
  assertGijirokuError(() => store.confirmReviewStretch(meetingId, 5, 5), 'BAD_ARGUMENTS', /確認した区間/);
  assertGijirokuError(() => store.confirmReviewStretch(meetingId, -1, 5), 'BAD_ARGUMENTS');
  assertGijirokuError(() => store.confirmReviewStretch(999, 1, 2), 'BAD_ARGUMENTS', /会議（ID 999）/);
  const other = store.createMeeting(HONKAIGI, { path: '/recordings/b.flac', durationS: null });
  assert.deepEqual(store.getReview(other.id).confirmed, [], 'another meeting has its own');
  store.importTranscript(meetingId, sampleTranscript());
  assert.deepEqual(store.getReview(meetingId).confirmed, []);
  assert.deepEqual(store.getReview(meetingId).listened, [[1, 2]], 'what was heard stays heard');
}));
