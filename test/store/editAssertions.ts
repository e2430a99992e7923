// Checks shared by the edit tests: an EditResult must name exactly what changed between two views.
import assert from 'node:assert/strict';
import type { EditOp, EditResult, Segment, TranscriptView } from '../../native/common/api';
import type { MeetingStore } from '../../native/store/meetingStoreContract';

function byId(segments: Segment[]): Map<number, Segment> {
  return new Map(segments.map((s) => [s.id, s]));
}

export function assertResultDescribes(before: TranscriptView, after: TranscriptView, r: EditResult): void {
  const old = byId(before.segments);
  const now = byId(after.segments);
  const expectChanged = after.segments.filter((s) => JSON.stringify(s) !== JSON.stringify(old.get(s.id)));
  assert.deepEqual(r.changed, expectChanged, 'changed = exactly the new or different segments, in order');
  assert.deepEqual(
    [...r.removedIds].sort((a, b) => a - b),
    before.segments
      .filter((s) => !now.has(s.id))
      .map((s) => s.id)
      .sort((a, b) => a - b),
  );
  assert.deepEqual(r.speakers, after.speakers);
  assert.equal(r.canUndo, after.canUndo);
  assert.equal(r.canRedo, after.canRedo);
}

export function assertOrdered(view: TranscriptView): void {
  for (let i = 1; i < view.segments.length; i++) {
    assert.ok(view.segments[i - 1]!.seq < view.segments[i]!.seq, `seq increases at ${i}`);
  }
}

/** Applies op, lets `check` inspect the result, then undoes and redoes it, checking each state exactly. */
export function roundTrip(
  store: MeetingStore,
  meetingId: number,
  op: EditOp,
  check: (r: EditResult, after: TranscriptView, before: TranscriptView) => void,
): EditResult {
  const before = store.getTranscript(meetingId);
  const r = store.applyEdit(meetingId, op);
  const after = store.getTranscript(meetingId);
  assert.equal(after.canUndo, true);
  assert.equal(after.canRedo, false);
  assertResultDescribes(before, after, r);
  assertOrdered(after);
  check(r, after, before);

  const undone = store.undo(meetingId);
  const afterUndo = store.getTranscript(meetingId);
  assert.deepEqual(afterUndo.segments, before.segments, 'undo restores every segment');
  assert.deepEqual(afterUndo.speakers, before.speakers, 'undo restores every speaker');
  assert.equal(afterUndo.canUndo, before.canUndo);
  assert.equal(afterUndo.canRedo, true);
  assertResultDescribes(after, afterUndo, undone);

  const redone = store.redo(meetingId);
  const afterRedo = store.getTranscript(meetingId);
  assert.deepEqual(afterRedo, after, 'redo gives the edited state again');
  assertResultDescribes(afterUndo, afterRedo, redone);
  return r;
}
