import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../native/engine/splitSentences';

const tok = (text: string, start: number, end: number) => ({ text, start, end, p: 0.9 });

test('a long segment is split after each sentence, with token times', () => {
  const seg = {
    id: 0,
    start: 0.9,
    end: 9.5,
    speaker: null,
    text: '会議を開きます。鈴木委員。はい。',
    tokens: [
      tok('会議', 1, 1.5),
      tok('を', 1.5, 1.7),
      tok('開きます', 1.7, 2.5),
      tok('。', 2.5, 2.6),
      tok('鈴木', 5, 5.5),
      tok('委員', 5.5, 6),
      tok('。', 6, 6.1),
      tok('はい', 8, 8.5),
      tok('。', 8.5, 8.6),
    ],
  };
  const parts = splitSentences(seg);
  assert.deepEqual(
    parts.map((p) => [p.text, p.start, p.end]),
    [
      ['会議を開きます。', 0.9, 2.6],
      ['鈴木委員。', 5, 6.1],
      ['はい。', 8, 9.5],
    ],
  );
  assert.equal(parts.flatMap((p) => p.tokens).length, seg.tokens.length);
});

test('tokens that do not spell the text leave the segment whole', () => {
  const seg = {
    id: 0,
    start: 0,
    end: 2,
    speaker: null,
    text: '以上です。',
    tokens: [tok('以上', 0, 1), tok('。', 1, 1.1), tok('何か', 1.1, 2)],
  };
  assert.deepEqual(splitSentences(seg), [seg]);
});
