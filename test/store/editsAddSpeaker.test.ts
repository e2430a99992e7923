// addSpeaker: a meeting fresh from transcription has no speakers; the clerk creates them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EditOp, Speaker } from '../../native/common/api';
import type { MeetingStore } from '../../native/store/meetingStoreContract';
import { speakerColor } from '../../native/store/speakerColors';
import { roundTrip } from './editAssertions';
import { sampleTranscript } from '../helpers/transcripts';
import { HONKAIGI, assertGijirokuError, sampleMeeting, withStore } from './storeFixtures';

/** The sample transcript with every speaker taken away, as the engine delivers it today. */
function meetingWithoutSpeakers(store: MeetingStore): number {
  const meeting = store.createMeeting(HONKAIGI, { path: '/recordings/本会議.flac', durationS: null });
  const transcript = sampleTranscript();
  transcript.segments = transcript.segments.map((s) => ({ ...s, speaker: null }));
  const view = store.importTranscript(meeting.id, transcript);
  assert.deepEqual(view.speakers, []);
  return meeting.id;
}

const labels = (speakers: Speaker[]): string[] => speakers.map((s) => s.label);

test(
  'addSpeaker creates S1, S2 … with distinct colours; each add is undone and redone',
  withStore((store) => {
    const meetingId = meetingWithoutSpeakers(store);
    const first = roundTrip(store, meetingId, { kind: 'addSpeaker', name: '山田太郎', role: '議長' }, (r) => {
      assert.deepEqual(r.changed, []);
      assert.equal(r.speakers.length, 1);
      const s = r.speakers[0]!;
      assert.deepEqual([s.meetingId, s.label, s.name, s.role, s.color], [meetingId, 'S1', '山田太郎', '議長', speakerColor(0)]);
    });
    const second = roundTrip(store, meetingId, { kind: 'addSpeaker', name: '鈴木花子', role: '' }, (r) => {
      assert.deepEqual(labels(r.speakers), ['S1', 'S2']);
      assert.equal(r.speakers[1]!.name, '鈴木花子');
    });
    const [s1, s2] = second.speakers;
    assert.ok(s1 && s2);
    assert.deepEqual(s1, first.speakers[0]);
    assert.notEqual(s1.color, s2.color, 'colours are distinct');
    assert.ok(s2.id > s1.id);
  }),
);

test(
  'add, assign, undo both, redo both: the speaker goes only after the turn lost it',
  withStore((store) => {
    const meetingId = meetingWithoutSpeakers(store);
    const before = store.getTranscript(meetingId);
    const segmentId = before.segments[1]!.id;

    const added = store.applyEdit(meetingId, { kind: 'addSpeaker', name: '  鈴木健太郎 ', role: '議員' });
    const speaker = added.speakers[0]!;
    assert.equal(speaker.name, '鈴木健太郎', 'the store trims the name');
    const assigned = store.applyEdit(meetingId, { kind: 'setSpeaker', segmentId, speakerId: speaker.id });
    assert.deepEqual(
      assigned.changed.map((s) => [s.id, s.speakerId]),
      [[segmentId, speaker.id]],
    );
    const edited = store.getTranscript(meetingId);

    const undoAssign = store.undo(meetingId);
    assert.deepEqual(
      undoAssign.changed.map((s) => [s.id, s.speakerId]),
      [[segmentId, null]],
    );
    assert.deepEqual(undoAssign.speakers, [speaker], 'the speaker stays while only the assignment is undone');
    const undoAdd = store.undo(meetingId);
    assert.deepEqual([undoAdd.speakers, undoAdd.canUndo, undoAdd.canRedo], [[], false, true]);
    assert.deepEqual(store.getTranscript(meetingId), { ...before, canRedo: true });

    const redoAdd = store.redo(meetingId);
    assert.deepEqual([redoAdd.changed, redoAdd.speakers], [[], [speaker]], 'redo brings the speaker back under its id');
    const redoAssign = store.redo(meetingId);
    assert.deepEqual(
      redoAssign.changed.map((s) => [s.id, s.speakerId]),
      [[segmentId, speaker.id]],
    );
    assert.deepEqual(store.getTranscript(meetingId), edited);
  }),
);

test(
  'the label is the first free one and the colour one no speaker of the meeting has',
  withStore((store) => {
    const { meetingId, view } = sampleMeeting(store);
    const [s1, s2] = view.speakers;
    assert.ok(s1 && s2);
    const r = store.applyEdit(meetingId, { kind: 'addSpeaker', name: '田中', role: '' });
    assert.deepEqual(labels(r.speakers), ['S1', 'S2', 'S3']);
    assert.equal(new Set(r.speakers.map((s) => s.color)).size, 3);
    store.undo(meetingId);

    store.applyEdit(meetingId, { kind: 'mergeSpeakers', fromSpeakerId: s1.id, intoSpeakerId: s2.id });
    const again = store.applyEdit(meetingId, { kind: 'addSpeaker', name: '田中', role: '' });
    assert.deepEqual(labels(again.speakers), ['S2', 'S1']);
    assert.equal(again.speakers[1]!.color, s1.color, 'the colour S1 had is free again');
    assert.ok(again.speakers[1]!.id > s2.id, 'ids are never reused');

    // another meeting's speakers take no label or colour away
    const other = meetingWithoutSpeakers(store);
    const otherFirst = store.applyEdit(other, { kind: 'addSpeaker', name: '佐藤', role: '' }).speakers;
    assert.deepEqual([otherFirst[0]!.label, otherFirst[0]!.color], ['S1', speakerColor(0)]);
  }),
);

test(
  'addSpeaker refuses a blank or too long name and a too long role, and changes nothing',
  withStore((store) => {
    const meetingId = meetingWithoutSpeakers(store);
    const bad: EditOp[] = [
      { kind: 'addSpeaker', name: '', role: '' },
      { kind: 'addSpeaker', name: '　 ', role: '' },
      { kind: 'addSpeaker', name: 'あ'.repeat(101), role: '' },
      { kind: 'addSpeaker', name: '山田', role: 'い'.repeat(51) },
    ];
    for (const op of bad) assertGijirokuError(() => store.applyEdit(meetingId, op), 'BAD_ARGUMENTS', /編集操作/, /edit/);
    const view = store.getTranscript(meetingId);
    assert.deepEqual([view.speakers, view.canUndo], [[], false]);
    const longest = store.applyEdit(meetingId, { kind: 'addSpeaker', name: 'あ'.repeat(100), role: 'い'.repeat(50) });
    assert.equal(longest.speakers.length, 1);
  }),
);
