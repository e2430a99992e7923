import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCompleteUtf8, parseWhisperJson } from '../../native/whisper/parseWhisperJson';

/** whisper.cpp writes token bytes raw; a kanji can be split over two tokens. */
function rawJson(): Buffer {
  const ku = Buffer.from('区', 'utf8'); // e5 8c ba
  const head = Buffer.from('{"transcription":[{"offsets":{"from":0,"to":2000},"text":"港', 'utf8');
  const mid = Buffer.from(
    '","tokens":[{"text":"[_BEG_]","offsets":{"from":0,"to":0},"id":50364,"p":0.9},' +
      '{"text":"港","offsets":{"from":0,"to":400},"id":1,"p":0.8},{"text":"',
    'utf8',
  );
  const t2 = Buffer.from('","offsets":{"from":400,"to":600},"id":2,"p":0.5},{"text":"', 'utf8');
  const tail = Buffer.from('","offsets":{"from":600,"to":900},"id":3,"p":0.7}]}]}', 'utf8');
  return Buffer.concat([head, ku, mid, ku.subarray(0, 2), t2, ku.subarray(2), tail]);
}

test('split UTF-8 tokens are joined into whole characters', () => {
  const [seg] = parseWhisperJson(rawJson());
  assert.ok(seg);
  assert.equal(seg.text, '港区');
  assert.deepEqual(
    seg.tokens.map((t) => t.text),
    ['港', '区'],
  );
  assert.deepEqual(seg.tokens[1], { startMs: 400, endMs: 900, text: '区', p: 0.5 });
});

test('a JSON cut short by a crash is rejected, not half read', () => {
  const b = rawJson();
  assert.throws(() => parseWhisperJson(b.subarray(0, b.length - 10)));
});

test('isCompleteUtf8', () => {
  const k = Buffer.from('区', 'utf8');
  assert.equal(isCompleteUtf8(k), true);
  assert.equal(isCompleteUtf8(k.subarray(0, 2)), false);
  assert.equal(isCompleteUtf8(Buffer.from('abc')), true);
});

test('DTW times (t_dtw, in 10 ms steps) are kept per character; -1 means none', () => {
  const json = Buffer.from(
    JSON.stringify({
      transcription: [
        {
          offsets: { from: 0, to: 3000 },
          text: 'はい',
          tokens: [
            { text: '[_BEG_]', offsets: { from: 0, to: 0 }, id: 50364, p: 0.9, t_dtw: -1 },
            { text: 'は', offsets: { from: 0, to: 1500 }, id: 1, p: 0.8, t_dtw: 123 },
            { text: 'い', offsets: { from: 1500, to: 3000 }, id: 2, p: 0.7, t_dtw: -1 },
          ],
        },
      ],
    }),
    'utf8',
  );
  const [seg] = parseWhisperJson(json);
  assert.deepEqual(seg?.tokens, [
    { startMs: 0, endMs: 1500, text: 'は', p: 0.8, dtwMs: 1230 },
    { startMs: 1500, endMs: 3000, text: 'い', p: 0.7 },
  ]);
});
