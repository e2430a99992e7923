// The editor's save queue against the real service and SQLite (as the bridge would run it):
// typing debounced into setText, nothing saved mid-IME, other edits after the drafts, in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EditResult } from '../../native/common/api';
import { EditSession, SAVE_DEBOUNCE_MS, type SaveStatus } from '../../renderer/src/features/editor/state/editSession';
import { withService, type ServiceHarness } from '../helpers/service';
import { sampleTranscript } from '../helpers/transcripts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function openMeeting({ store }: ServiceHarness): { meetingId: number; segmentIds: number[] } {
  const meeting = store.createMeeting(
    { title: '本会議', body: '本会議', date: '2024-03-01', place: '議場' },
    { path: '/r/本会議.flac', durationS: 60 },
  );
  const view = store.importTranscript(meeting.id, sampleTranscript());
  return { meetingId: meeting.id, segmentIds: view.segments.map((s) => s.id) };
}

function session(h: ServiceHarness, meetingId: number) {
  const results: EditResult[] = [];
  const errors: unknown[] = [];
  const statuses: SaveStatus[] = [];
  const s = new EditSession(
    h.service,
    meetingId,
    (r) => results.push(r),
    (e) => errors.push(e),
  );
  s.onStatus((st) => statuses.push(st));
  return { s, results, errors, statuses };
}

const textOf = (h: ServiceHarness, meetingId: number, segmentId: number) =>
  h.store.getTranscript(meetingId).segments.find((x) => x.id === segmentId)?.text;

test('typing is saved once, 300 ms after the last keystroke, as the last text typed', async () => {
  await withService(async (h) => {
    const { meetingId, segmentIds } = openMeeting(h);
    const id = segmentIds[0]!;
    const { s, results, statuses } = session(h, meetingId);
    s.setDraft(id, 'ただ今から本');
    await sleep(SAVE_DEBOUNCE_MS / 3);
    s.setDraft(id, 'ただ今から本会議を再開します。');
    assert.equal(s.status(), 'pending');
    assert.equal(s.draftOf(id), 'ただ今から本会議を再開します。');
    await sleep(SAVE_DEBOUNCE_MS / 2);
    assert.equal(results.length, 0, 'not yet: the clerk may still be typing');
    await sleep(SAVE_DEBOUNCE_MS);
    await s.flush();
    assert.equal(results.length, 1, 'one setText for the burst of keystrokes');
    assert.equal(textOf(h, meetingId, id), 'ただ今から本会議を再開します。');
    assert.equal(s.status(), 'saved');
    assert.equal(s.draftOf(id), undefined, 'the confirmed draft is dropped');
    assert.deepEqual(
      statuses.filter((x, i) => x !== statuses[i - 1]),
      ['pending', 'saving', 'saved'],
    );
  });
});

test('nothing is saved while an IME composes; the end of the composition saves', async () => {
  await withService(async (h) => {
    const { meetingId, segmentIds } = openMeeting(h);
    const id = segmentIds[1]!;
    const { s } = session(h, meetingId);
    const before = textOf(h, meetingId, id);
    s.setComposing(true);
    s.setDraft(id, `${before}かいぎ`);
    await sleep(SAVE_DEBOUNCE_MS * 2);
    assert.equal(textOf(h, meetingId, id), before);
    s.setDraft(id, `${before}会議`);
    s.setComposing(false);
    await sleep(SAVE_DEBOUNCE_MS * 2);
    await s.flush();
    assert.equal(textOf(h, meetingId, id), `${before}会議`);
  });
});

test('another edit waits for the drafts: a split right after typing cuts the typed text', async () => {
  await withService(async (h) => {
    const { meetingId, segmentIds } = openMeeting(h);
    const id = segmentIds[0]!;
    const { s } = session(h, meetingId);
    s.setDraft(id, 'あいう。えお。');
    const split = await s.apply({ kind: 'split', segmentId: id, offset: 4 });
    assert.ok(split);
    const texts = h.store.getTranscript(meetingId).segments.map((x) => x.text);
    assert.deepEqual(texts.slice(0, 2), ['あいう。', 'えお。']);
    const undone = await s.undo();
    assert.ok(undone);
    assert.equal(textOf(h, meetingId, id), 'あいう。えお。', 'undo takes back the split, not the typing');
    assert.ok(await s.redo());
    assert.equal(h.store.getTranscript(meetingId).segments.length, segmentIds.length + 1);
  });
});

test('an edit the service refuses is reported and resolves null; the queue goes on', async () => {
  await withService(async (h) => {
    const { meetingId, segmentIds } = openMeeting(h);
    const { s, errors } = session(h, meetingId);
    assert.equal(await s.apply({ kind: 'mergeNext', segmentId: 999_999 }), null);
    assert.equal(errors.length, 1);
    assert.match(String((errors[0] as { text?: { ja: string } }).text?.ja), /見つかりません/);
    assert.ok(await s.apply({ kind: 'setText', segmentId: segmentIds[2]!, text: '続けて審議します。' }));
    assert.equal(textOf(h, meetingId, segmentIds[2]!), '続けて審議します。');
  });
});
