import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiarizationResult } from '../../native/common/speakers';
import { TRANSCRIPT_VERSION, type Transcript, type TranscriptSegment } from '../../native/common/transcript';
import { assignSpeakers } from '../../native/diarize/assignSpeakers';

function segment(id: number, words: [string, number, number][]): TranscriptSegment {
  return {
    id,
    speaker: null,
    start: words[0]?.[1] ?? 0,
    end: words[words.length - 1]?.[2] ?? 0,
    text: words.map((w) => w[0]).join(''),
    tokens: words.map(([text, start, end]) => ({ text, start, end, p: 0.9 })),
  };
}

function transcript(segments: TranscriptSegment[]): Transcript {
  return {
    version: TRANSCRIPT_VERSION,
    audio: { path: 'a.wav', duration: 20, truncated: null },
    model: { path: 'm', name: 'm' },
    language: 'ja',
    segments,
    timing: { decode_s: 0, vad_s: 0, asr_s: 0, total_s: 0 },
    notices: [],
  };
}

const diarization: DiarizationResult = {
  turns: [
    { start: 0.2, end: 5.1, speaker: 'S1' },
    { start: 5.6, end: 12, speaker: 'S2' },
    { start: 13, end: 15, speaker: 'S1' },
  ],
  speakers: [
    { id: 'S1', seconds: 6.9, embedding: [1, 0] },
    { id: 'S2', seconds: 6.4, embedding: [0, 1] },
  ],
};

test('a segment across a speaker change is split after the 。 nearest the change', () => {
  // whisper ran the chair's last words and the answer together; the change is at (5.1 + 5.6) / 2 = 5.35 s
  const t = transcript([
    segment(0, [
      ['以上', 0.3, 1.0],
      ['で', 1.0, 1.2],
      ['す。', 1.2, 1.6],
    ]),
    segment(1, [
      ['説明', 3.0, 3.8],
      ['を', 3.8, 4.0],
      ['求めます。', 4.0, 5.0],
      ['はい', 5.7, 6.1],
      ['、', 6.1, 6.2],
      ['お答え', 6.2, 7.0],
      ['します。', 7.0, 7.8],
    ]),
    segment(2, [
      ['質疑', 13.2, 14.0],
      ['は。', 14.0, 14.6],
    ]),
  ]);
  const out = assignSpeakers(t, diarization);
  assert.deepEqual(
    out.segments.map((s) => [s.id, s.speaker, s.text, s.start, s.end]),
    [
      [0, 'S1', '以上です。', 0.3, 1.6],
      [1, 'S1', '説明を求めます。', 3.0, 5.0],
      [2, 'S2', 'はい、お答えします。', 5.7, 7.8],
      [3, 'S1', '質疑は。', 13.2, 14.6],
    ],
  );
  assert.deepEqual(
    out.segments[2]?.tokens.map((k) => k.start),
    [5.7, 6.1, 6.2, 7.0],
    'tokens keep their times',
  );
  assert.deepEqual(out.speakers, [
    { id: 'S1', label: 'S1', seconds: 6.9, embedding: [1, 0] },
    { id: 'S2', label: 'S2', seconds: 6.4, embedding: [0, 1] },
  ]);
  assert.equal(t.segments.length, 3, 'the input is not changed');
});

test('every segment gets a speaker, even one between turns or without tokens', () => {
  const gap: TranscriptSegment = { id: 0, speaker: null, start: 12.2, end: 12.6, text: 'ええ', tokens: [] };
  const out = assignSpeakers(transcript([gap, segment(1, [['最後', 16, 17]])]), diarization);
  assert.deepEqual(
    out.segments.map((s) => s.speaker),
    ['S2', 'S1'],
  );
});

test('a question whisper wrote without its 。 is not joined to the answer in another voice (m02)', () => {
  const t = transcript([
    segment(0, [
      ['心配', 9.0, 9.8],
      ['の', 9.8, 10.0],
      ['声も', 10.0, 10.8],
      ['聞いております', 10.8, 11.9],
    ]),
    segment(1, [
      ['選考', 13.0, 13.6],
      ['の', 13.6, 13.8],
      ['基準は', 13.8, 14.6],
    ]),
  ]);
  const out = assignSpeakers(t, diarization);
  assert.deepEqual(
    out.segments.map((s) => [s.speaker, s.text]),
    [
      ['S2', '心配の声も聞いております'],
      ['S1', '選考の基準は'],
    ],
  );
});

test("whisper's stray token times: a sentence broken across a pause is joined, and never split inside a word", () => {
  // whisper timed 「検討してま」 before a pause and 「いります。」 into the next voice's turn (m03)
  const t = transcript([
    segment(0, [
      ['調査', 9.0, 9.8],
      ['を', 9.8, 10.0],
      ['検討', 10.0, 10.8],
      ['してま', 10.8, 11.5],
    ]),
    segment(1, [['いります。', 13.0, 13.6]]),
  ]);
  const out = assignSpeakers(t, diarization);
  assert.deepEqual(
    out.segments.map((s) => [s.speaker, s.text]),
    [['S2', '調査を検討してまいります。']],
    'one sentence, to the voice that has most of it (S2 9.0–12 s against S1 13–13.6 s)',
  );
});
