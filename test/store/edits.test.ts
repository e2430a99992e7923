import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Segment, TranscriptView } from '../../native/common/api';
import { openStore } from '../../native/store/openStore';
import { assertOrdered, assertResultDescribes, roundTrip } from './editAssertions';
import { assertGijirokuError, sampleMeeting, storePath, tempFolder, withStore } from './storeFixtures';

function seg(view: TranscriptView, i: number): Segment {
  const s = view.segments[i];
  assert.ok(s, `segment ${i}`);
  return s;
}

const texts = (segments: Segment[]): string[] => segments.map((s) => s.text);
const tokenTexts = (s: Segment): string[] => s.tokens.map((t) => t.text);

test(
  'setText keeps the tokens that still spell the corrected text',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const s0 = seg(view, 0);
    roundTrip(store, meetingId, { kind: 'setText', segmentId: s0.id, text: 'ただいまから本会議を開きます。' }, (r) => {
      assert.equal(r.changed.length, 1);
      const s = r.changed[0]!;
      assert.equal(s.text, 'ただいまから本会議を開きます。');
      assert.deepEqual(tokenTexts(s), ['ただ', 'から', '本', '会議', 'を', '開き', 'ます', '。']);
      assert.deepEqual(s.tokens[1], { start: 2, end: 2.5, text: 'から', p: 0.9 });
      assert.deepEqual([s.start, s.end, s.speakerId, s.seq], [s0.start, s0.end, s0.speakerId, s0.seq]);
    });
  }),
);

test(
  'setText to the same text records nothing',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const r = store.applyEdit(meetingId, { kind: 'setText', segmentId: seg(view, 0).id, text: seg(view, 0).text });
    assert.deepEqual([r.changed, r.removedIds, r.canUndo, r.canRedo], [[], [], false, false]);
  }),
);

test(
  'split at a token boundary cuts time at the end of the last token before it',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const s0 = seg(view, 0);
    const s1 = seg(view, 1);
    roundTrip(store, meetingId, { kind: 'split', segmentId: s0.id, offset: 5 }, (r, after) => {
      assert.deepEqual(texts(after.segments).slice(0, 3), ['ただ今から', '本会議を開きます。', s1.text]);
      const [a, b] = r.changed;
      assert.ok(a && b);
      assert.equal(a.id, s0.id);
      assert.deepEqual([a.start, a.end, b.start, b.end], [1, 2.5, 2.5, 5.5]);
      assert.deepEqual(tokenTexts(a), ['ただ', '今', 'から']);
      assert.deepEqual(tokenTexts(b), ['本', '会議', 'を', '開き', 'ます', '。']);
      assert.equal(b.speakerId, s0.speakerId);
      assert.ok(b.seq > a.seq && b.seq < s1.seq);
      assert.ok(!view.segments.some((s) => s.id === b.id), 'the new segment has a new id');
    });
  }),
);

test(
  'split inside a token drops that token and cuts after the one before',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    roundTrip(store, meetingId, { kind: 'split', segmentId: seg(view, 0).id, offset: 4 }, (r) => {
      const [a, b] = r.changed;
      assert.deepEqual([a?.text, b?.text], ['ただ今か', 'ら本会議を開きます。']);
      assert.deepEqual([a?.end, b?.start], [2, 2]);
      assert.deepEqual(a && tokenTexts(a), ['ただ', '今']);
      assert.deepEqual(b && tokenTexts(b), ['本', '会議', 'を', '開き', 'ます', '。']);
    });
  }),
);

test(
  'split without tokens cuts time in proportion to characters',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    roundTrip(store, meetingId, { kind: 'split', segmentId: seg(view, 3).id, offset: 4 }, (r, after) => {
      assert.deepEqual(texts(after.segments).slice(3), ['（休憩）', 'ABC abc']);
      const [a, b] = r.changed;
      assert.deepEqual([a?.start, a?.end, b?.start, b?.end], [30, 33.636, 33.636, 40]);
      assert.deepEqual([a?.speakerId, b?.speakerId, a?.tokens, b?.tokens], [null, null, [], []]);
      assert.ok((b?.seq ?? 0) > (a?.seq ?? 0), 'a split of the last segment goes after it');
    });
  }),
);

test(
  'split never breaks a surrogate pair and refuses offsets at the ends',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const id = seg(view, 3).id;
    store.applyEdit(meetingId, { kind: 'setText', segmentId: id, text: '𠮷野家です' });
    const r = store.applyEdit(meetingId, { kind: 'split', segmentId: id, offset: 1 });
    assert.deepEqual(texts(r.changed), ['𠮷', '野家です']);
    assertGijirokuError(
      () => store.applyEdit(meetingId, { kind: 'split', segmentId: id, offset: 2 }),
      'BAD_ARGUMENTS',
      /分割位置/,
      /split offset/,
    );
    assertGijirokuError(
      () => store.applyEdit(meetingId, { kind: 'split', segmentId: 99999, offset: 1 }),
      'BAD_ARGUMENTS',
      /見つかりません/,
      /does not exist/,
    );
  }),
);

test(
  'mergeNext joins text, time span and tokens under the first speaker',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const [s1, s2] = [seg(view, 1), seg(view, 2)];
    roundTrip(store, meetingId, { kind: 'mergeNext', segmentId: s1.id }, (r, after) => {
      assert.deepEqual(r.removedIds, [s2.id]);
      assert.equal(r.changed.length, 1);
      const m = r.changed[0]!;
      assert.deepEqual(
        [m.id, m.text, m.start, m.end, m.speakerId, m.seq],
        [s1.id, '議長、12番鈴木議員。鈴木議員の質問を許します。', 10, 24, s1.speakerId, s1.seq],
      );
      assert.deepEqual(m.tokens, [...s1.tokens, ...s2.tokens]);
      assert.equal(after.segments.length, 3);
    });
    assertGijirokuError(
      () => store.applyEdit(meetingId, { kind: 'mergeNext', segmentId: seg(view, 3).id }),
      'BAD_ARGUMENTS',
      /次の発言/,
      /no next segment/,
    );
  }),
);

test(
  'setSpeaker assigns a speaker of the meeting, or none',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const [s1, s2] = view.speakers;
    assert.ok(s1 && s2);
    roundTrip(store, meetingId, { kind: 'setSpeaker', segmentId: seg(view, 3).id, speakerId: s2.id }, (r) => {
      assert.deepEqual(
        r.changed.map((s) => [s.id, s.speakerId]),
        [[seg(view, 3).id, s2.id]],
      );
    });
    roundTrip(store, meetingId, { kind: 'setSpeaker', segmentId: seg(view, 0).id, speakerId: null }, (r) => {
      assert.deepEqual(
        r.changed.map((s) => [s.id, s.speakerId]),
        [[seg(view, 0).id, null]],
      );
    });
    const other = sampleMeeting(store, { title: '別の会議', body: '', date: '2024-04-01', place: '' });
    assertGijirokuError(
      () => store.applyEdit(meetingId, { kind: 'setSpeaker', segmentId: seg(view, 0).id, speakerId: other.view.speakers[0]!.id }),
      'BAD_ARGUMENTS',
      /話者/,
      /speaker/,
    );
  }),
);

test(
  'renameSpeaker sets name and role without touching segments',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const s2 = view.speakers[1]!;
    roundTrip(store, meetingId, { kind: 'renameSpeaker', speakerId: s2.id, name: '鈴木健太郎', role: '議員' }, (r) => {
      assert.deepEqual(r.changed, []);
      assert.deepEqual(r.speakers[1], { ...s2, name: '鈴木健太郎', role: '議員' });
    });
  }),
);

test(
  'mergeSpeakers moves every segment and deletes the merged speaker',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const [s1, s2] = view.speakers;
    assert.ok(s1 && s2);
    roundTrip(store, meetingId, { kind: 'mergeSpeakers', fromSpeakerId: s1.id, intoSpeakerId: s2.id }, (r, after) => {
      assert.deepEqual(
        r.changed.map((s) => s.id),
        [seg(view, 0).id, seg(view, 2).id],
      );
      assert.deepEqual(
        after.segments.map((s) => s.speakerId),
        [s2.id, s2.id, s2.id, null],
      );
      assert.deepEqual(r.speakers, [s2]);
    });
    assertGijirokuError(
      () => store.applyEdit(meetingId, { kind: 'mergeSpeakers', fromSpeakerId: s1.id, intoSpeakerId: s1.id }),
      'BAD_ARGUMENTS',
      /統合/,
      /itself/,
    );
  }),
);

test(
  'replaceAll, plain: literal text, case option, count across the meeting',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    roundTrip(store, meetingId, { kind: 'replaceAll', find: '議員', replace: '委員', regex: false, caseSensitive: true }, (r, after) => {
      assert.equal(r.count, 2);
      assert.deepEqual(texts(after.segments), [
        'ただ今から本会議を開きます。',
        '議長、12番鈴木委員。',
        '鈴木委員の質問を許します。',
        '（休憩）ABC abc',
      ]);
      assert.deepEqual(tokenTexts(r.changed[0]!), ['議長', '、', '12', '番', '鈴木', '。']);
    });
    let r = store.applyEdit(meetingId, { kind: 'replaceAll', find: 'abc', replace: 'XYZ', regex: false, caseSensitive: false });
    assert.deepEqual([r.count, texts(r.changed)], [2, ['（休憩）XYZ XYZ']]);
    store.undo(meetingId);
    r = store.applyEdit(meetingId, { kind: 'replaceAll', find: 'abc', replace: 'XYZ', regex: false, caseSensitive: true });
    assert.deepEqual([r.count, texts(r.changed)], [1, ['（休憩）ABC XYZ']]);
    r = store.applyEdit(meetingId, { kind: 'replaceAll', find: '番', replace: '$&号(.)', regex: false, caseSensitive: true });
    assert.deepEqual([r.count, texts(r.changed)], [1, ['議長、12$&号(.)鈴木委員。']]);
    const none = store.applyEdit(meetingId, { kind: 'replaceAll', find: '存在しない語', replace: 'x', regex: false, caseSensitive: true });
    assert.deepEqual([none.count, none.changed, none.canRedo], [0, [], false]);
    assert.equal(store.getTranscript(meetingId).segments[0]?.text, seg(view, 0).text);
  }),
);

test(
  'replaceAll, regex: groups expand and word timing survives; a bad pattern changes nothing',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    roundTrip(store, meetingId, { kind: 'replaceAll', find: '(\\d+)番', replace: '第$1番', regex: true, caseSensitive: true }, (r) => {
      assert.equal(r.count, 1);
      assert.equal(r.changed[0]?.text, '議長、第12番鈴木議員。');
      assert.deepEqual(r.changed[0]?.tokens, seg(view, 1).tokens);
    });
    const r = store.applyEdit(meetingId, { kind: 'replaceAll', find: '^', replace: '○', regex: true, caseSensitive: true });
    assert.equal(r.count, 4, 'an empty match counts once per segment');
    assert.ok(r.changed.every((s) => s.text.startsWith('○')));
    const before = store.getTranscript(meetingId);
    assertGijirokuError(
      () => store.applyEdit(meetingId, { kind: 'replaceAll', find: '鈴木(', replace: 'x', regex: true, caseSensitive: true }),
      'BAD_ARGUMENTS',
      /正規表現「鈴木\(」/,
      /regular expression "鈴木\("/,
      /何も置換していません/,
    );
    assert.deepEqual(store.getTranscript(meetingId), before);
  }),
);

test(
  'a new edit after undo drops the redo entries',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const id = seg(view, 0).id;
    store.applyEdit(meetingId, { kind: 'setText', segmentId: id, text: 'A' });
    store.applyEdit(meetingId, { kind: 'setText', segmentId: id, text: 'B' });
    assert.equal(store.undo(meetingId).canRedo, true);
    const r = store.applyEdit(meetingId, { kind: 'setText', segmentId: id, text: 'C' });
    assert.deepEqual([r.canUndo, r.canRedo], [true, false]);
    const nothing = store.redo(meetingId);
    assert.deepEqual([nothing.changed, nothing.removedIds, nothing.canRedo], [[], [], false]);
    assert.equal(store.undo(meetingId).changed[0]?.text, 'A');
    const last = store.undo(meetingId);
    assert.deepEqual([last.changed[0]?.text, last.canUndo, last.canRedo], [seg(view, 0).text, false, true]);
    const empty = store.undo(meetingId);
    assert.deepEqual([empty.changed, empty.canUndo], [[], false]);
  }),
);

test('history survives closing the store, and a new import clears it', () => {
  const folder = tempFolder();
  try {
    let store = openStore(storePath(folder.dir));
    const { meetingId, view } = sampleMeeting(store);
    store.applyEdit(meetingId, { kind: 'split', segmentId: seg(view, 0).id, offset: 3 });
    store.applyEdit(meetingId, { kind: 'mergeSpeakers', fromSpeakerId: view.speakers[1]!.id, intoSpeakerId: view.speakers[0]!.id });
    store.close();
    store = openStore(storePath(folder.dir));
    assert.equal(store.getTranscript(meetingId).canUndo, true);
    store.undo(meetingId);
    store.undo(meetingId);
    const back = store.getTranscript(meetingId);
    assert.deepEqual([back.segments, back.speakers, back.canUndo, back.canRedo], [view.segments, view.speakers, false, true]);
    store.redo(meetingId);
    const fresh = store.importTranscript(meetingId, sampleTranscriptOf(view));
    assert.deepEqual([fresh.canUndo, fresh.canRedo], [false, false]);
    store.close();
  } finally {
    folder.dispose();
  }
});

function sampleTranscriptOf(view: TranscriptView) {
  return {
    version: 1 as const,
    audio: { path: '/x.wav', duration: 50, truncated: null },
    model: { path: '', name: '' },
    language: 'ja',
    segments: view.segments.map((s, i) => ({ id: i, start: s.start, end: s.end, speaker: null, text: s.text, tokens: s.tokens })),
    timing: { decode_s: 0, vad_s: 0, asr_s: 0, total_s: 0 },
    notices: [],
  };
}

test(
  'many splits in one place renumber positions inside the edit, and all of it undoes',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const text = 'あいうえおかきくけこ'.repeat(6);
    let id = seg(view, 2).id;
    store.applyEdit(meetingId, { kind: 'setText', segmentId: id, text });
    let renumbered = false;
    for (let i = 0; i < 58; i++) {
      const r = store.applyEdit(meetingId, { kind: 'split', segmentId: id, offset: 1 });
      if (r.changed.length > 2) renumbered = true;
      id = r.changed.find((s) => s.id !== id && s.text === text.slice(i + 1))!.id;
    }
    assert.ok(renumbered, 'floating-point room ran out and the meeting was renumbered');
    const after = store.getTranscript(meetingId);
    assertOrdered(after);
    assert.equal(
      after.segments.map((s) => s.text).join(''),
      view.segments
        .map((s) => s.text)
        .join('')
        .replace(seg(view, 2).text, text),
    );
    for (let i = 0; i < 59; i++) store.undo(meetingId);
    const back = store.getTranscript(meetingId);
    assert.deepEqual([back.segments, back.canUndo], [view.segments, false]);
    const redone = store.redo(meetingId);
    assertResultDescribes(back, store.getTranscript(meetingId), redone);
  }),
);

test(
  'edits on another meeting or unknown ids are refused',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const other = sampleMeeting(store, { title: '厚生委員会', body: '厚生委員会', date: '2024-02-01', place: '' });
    assertGijirokuError(
      () => store.applyEdit(other.meetingId, { kind: 'setText', segmentId: seg(view, 0).id, text: 'x' }),
      'BAD_ARGUMENTS',
      /発言/,
    );
    assertGijirokuError(() => store.applyEdit(424242, { kind: 'setText', segmentId: 1, text: 'x' }), 'BAD_ARGUMENTS', /会議/, /meeting/);
    assertGijirokuError(() => store.applyEdit(meetingId, { kind: 'explode' } as never), 'BAD_ARGUMENTS', /編集操作/);
    assert.deepEqual(store.getTranscript(meetingId).segments, view.segments);
  }),
);
