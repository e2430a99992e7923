// The review pass's pure planning: which stretch comes next, the counts, and where the cursor goes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReviewStretch, Segment, Token } from '../../native/common/api';
import { nextOpenStretch, reviewCounts, stretchTarget } from '../../renderer/src/features/editor/review/reviewPlan';

const stretch = (id: number, start: number, end: number, confirmed = false): ReviewStretch => ({ id, start, end, confirmed });

function line(id: number, start: number, words: [string, Token['doubtLevel']][]): Segment {
  const tokens: Token[] = words.map(([text, doubtLevel], i) => ({
    start: start + i * 0.5,
    end: start + (i + 1) * 0.5,
    text,
    p: 0.9,
    doubtLevel,
  }));
  return {
    id,
    meetingId: 1,
    seq: id,
    start,
    end: start + words.length * 0.5,
    speakerId: null,
    text: words.map(([w]) => w).join(''),
    tokens,
  };
}

test('the next stretch is the first not confirmed after the current one, then from the start; -1 when all are done', () => {
  const list = [stretch(1, 0, 2, true), stretch(2, 3, 4), stretch(3, 5, 6, true), stretch(4, 7, 8)];
  assert.equal(nextOpenStretch(list, -1), 1);
  assert.equal(nextOpenStretch(list, 1), 3);
  assert.equal(nextOpenStretch(list, 3), 1, 'a skipped one comes round again');
  assert.equal(
    nextOpenStretch(
      list.map((s) => ({ ...s, confirmed: true })),
      0,
    ),
    -1,
  );
  assert.equal(nextOpenStretch([], -1), -1);
  assert.deepEqual(reviewCounts(list), { confirmed: 2, total: 4 });
});

test('the cursor goes to the first 要確認 word of the stretch, else to the start of the first line it touches', () => {
  const lines = [
    line(10, 0, [
      ['本日', 'none'],
      ['の', 'none'],
    ]),
    line(11, 2, [
      ['会議', 'maybe'],
      ['録', 'check'],
      ['署名', 'check'],
    ]),
    line(12, 6, []),
  ];
  const text = (s: Segment) => s.text;
  assert.deepEqual(stretchTarget(lines, stretch(1, 2.0, 4.0), text), { segmentId: 11, from: 2, to: 3 }, '録 at 2.5–3.0');
  assert.deepEqual(stretchTarget(lines, stretch(2, 0.2, 0.8), text), { segmentId: 10, from: 0, to: 0 }, 'no 要確認 word inside');
  assert.deepEqual(stretchTarget(lines, stretch(3, 5.5, 7), text), { segmentId: 12, from: 0, to: 0 }, 'a line without text');
  assert.deepEqual(
    stretchTarget(lines, stretch(4, 2.0, 4.0), () => '書き直した文'),
    { segmentId: 11, from: 0, to: 0 },
    'rewritten since: the words are gone',
  );
  assert.equal(stretchTarget(lines, stretch(5, 20, 21), text), null);
});
