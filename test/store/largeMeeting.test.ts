// A 3,000-segment meeting: correctness at size, with timings printed as a sanity check only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { Transcript } from '../../native/common/transcript';
import { tokensFor, transcriptOf } from '../helpers/transcripts';
import { withStore } from './storeFixtures';

const PIECES = [
  'ただ今',
  'の',
  '議案',
  '第',
  '12',
  '号',
  'について',
  '、',
  '委員長',
  'の',
  '報告',
  'を',
  '求め',
  'ます',
  '。',
  'それでは',
  '、',
  '原案',
  'の',
  'とおり',
  '決定',
  'する',
  'こと',
  'に',
  'ご',
  '異議',
  'あり',
  'ませ',
  'ん',
  'か',
  '。',
];

function largeTranscript(count: number): Transcript {
  const segments = Array.from({ length: count }, (_, i) => {
    const start = i * 16;
    const tokens = tokensFor(PIECES, start);
    return { id: i, start, end: start + PIECES.length * 0.5, speaker: `S${i % 7}`, text: PIECES.join(''), tokens };
  });
  return transcriptOf(segments, { path: '/r/long.flac', duration: count * 16 });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

test(
  '3,000 segments: import, read, edit and search',
  withStore((store, _dir) => {
    const m = store.createMeeting(
      { title: '長時間の本会議', body: '本会議', date: '2024-09-01', place: '' },
      { path: '/r/long.flac', durationS: null },
    );
    let t = performance.now();
    store.importTranscript(m.id, largeTranscript(3000));
    const importMs = performance.now() - t;

    const reads: number[] = [];
    let view = store.getTranscript(m.id);
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      view = store.getTranscript(m.id);
      reads.push(performance.now() - t);
    }
    assert.equal(view.segments.length, 3000);
    assert.equal(view.speakers.length, 7);
    assert.equal(view.segments[2999]?.tokens.length, PIECES.length);

    const edits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s = view.segments[i * 70]!;
      t = performance.now();
      const r = store.applyEdit(m.id, { kind: 'setText', segmentId: s.id, text: s.text.replace('委員長', '議長') });
      edits.push(performance.now() - t);
      assert.equal(r.changed[0]?.tokens.length, PIECES.length - 1);
    }
    t = performance.now();
    const replaced = store.applyEdit(m.id, { kind: 'replaceAll', find: '原案', replace: '修正案', regex: false, caseSensitive: true });
    const replaceMs = performance.now() - t;
    assert.equal(replaced.count, 3000);
    t = performance.now();
    const undone = store.undo(m.id);
    const undoMs = performance.now() - t;
    assert.equal(undone.changed.length, 3000);
    t = performance.now();
    assert.equal(store.listMeetings('議長').length, 1);
    assert.equal(store.listMeetings('委員長の報告').length, 1);
    const searchMs = performance.now() - t;

    console.log(
      `# 3,000 segments: import ${importMs.toFixed(0)} ms, getTranscript median ${median(reads).toFixed(1)} ms, ` +
        `setText median ${median(edits).toFixed(2)} ms, replaceAll ${replaceMs.toFixed(0)} ms, undo of it ${undoMs.toFixed(0)} ms, ` +
        `two searches ${searchMs.toFixed(0)} ms`,
    );
  }),
);
