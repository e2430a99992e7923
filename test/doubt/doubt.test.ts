// The doubt model's parts on hand-made transcripts: features, the logistic fit, levels (with the
// words heard anyway filled in), scoreDoubt's contract and the committed weights' provenance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Transcript, TranscriptSegment } from '../../native/common/transcript';
import { loadTokenizer } from '../../native/dictionary/loadTokenizer';
import { DOUBT_FEATURES, doubtFeatures, type DoubtFeature } from '../../native/doubt/doubtFeatures';
import { doubtLevels } from '../../native/doubt/doubtLevels';
import { doubtProbabilities, type DoubtModel } from '../../native/doubt/doubtModel';
import { fitLogistic, predictLogistic } from '../../native/doubt/fitLogistic';
import { DOUBT_MODEL, scoreDoubt } from '../../native/doubt/scoreDoubt';

/** A segment of the given words, 0.3 s each from `start`, with their p. */
function seg(
  id: number,
  start: number,
  words: [string, number][],
  speaker: string | null = 'S1',
  extra: Partial<TranscriptSegment> = {},
): TranscriptSegment {
  const tokens = words.map(([text, p], i) => ({ start: start + i * 0.3, end: start + (i + 1) * 0.3, text, p }));
  return { id, start, end: start + words.length * 0.3, speaker, text: words.map(([w]) => w).join(''), tokens, ...extra };
}
function transcript(segments: TranscriptSegment[], corrections: Transcript['corrections'] = []): Transcript {
  return {
    version: 1,
    audio: { path: 'a.flac', duration: 100, truncated: null },
    model: { path: 'm', name: 'm' },
    language: 'ja',
    segments,
    timing: { decode_s: 0, vad_s: 0, asr_s: 0, total_s: 0 },
    notices: [],
    corrections,
  };
}
const column = (f: DoubtFeature) => DOUBT_FEATURES.indexOf(f);
const feature = (rows: number[][][], s: number, t: number, f: DoubtFeature) => rows[s]![t]![column(f)]!;

test('a second reading marks the words it disagrees with; without one the feature is simply 0', () => {
  const withReading = seg(
    0,
    0,
    [
      ['本日', 0.9],
      ['の', 0.9],
      ['会議', 0.9],
      ['を', 0.9],
    ],
    'S1',
    { secondReading: '本日の海技を' },
  );
  const rows = doubtFeatures(transcript([withReading, seg(1, 5, [['以上', 0.9]])]), { tokenizer: null });
  assert.deepEqual(
    [0, 1, 2, 3].map((t) => feature(rows, 0, t, 'secondReadingDisagrees')),
    [0, 0, 1, 0],
  );
  assert.equal(feature(rows, 0, 0, 'secondReading'), 1);
  assert.deepEqual([feature(rows, 1, 0, 'secondReading'), feature(rows, 1, 0, 'secondReadingDisagrees')], [0, 0]);
  // a reading that lacks a word marks it; one that has more text marks the word before the extra
  const shorter = doubtFeatures(
    transcript([
      seg(
        0,
        0,
        [
          ['本日', 0.9],
          ['の', 0.9],
          ['会議', 0.9],
          ['を', 0.9],
        ],
        'S1',
        { secondReading: '本日会議を' },
      ),
    ]),
    { tokenizer: null },
  );
  assert.deepEqual(
    [0, 1, 2, 3].map((t) => feature(shorter, 0, t, 'secondReadingDisagrees')),
    [0, 1, 0, 0],
  );
  const longer = doubtFeatures(
    transcript([
      seg(
        0,
        0,
        [
          ['本日', 0.9],
          ['の', 0.9],
          ['会議', 0.9],
          ['を', 0.9],
        ],
        'S1',
        { secondReading: '本日の会議ですを' },
      ),
    ]),
    { tokenizer: null },
  );
  assert.deepEqual(
    [0, 1, 2, 3].map((t) => feature(longer, 0, t, 'secondReadingDisagrees')),
    [0, 0, 1, 0],
  );
});

test('term corrections, unheard neighbours, speaker changes and time with no text are features of the words concerned', () => {
  const first = seg(
    0,
    0,
    [
      ['あざぶ', 0.8],
      ['の', 0.9],
      ['保育園', 0.9],
      ['です', 0.9],
    ],
    'S1',
  );
  first.text = '麻布の保育園です';
  const unheard: TranscriptSegment = { id: 1, start: 2, end: 6, speaker: null, text: '', tokens: [], unheard: true };
  const after = seg(
    2,
    10,
    [
      ['委員', 0.9],
      ['長', 0.9],
      ['。', 0.9],
    ],
    'S2',
  );
  const rows = doubtFeatures(
    transcript([first, unheard, after], [{ segment: 0, start: 0, end: 3, from: 'あざぶ', to: '麻布', term: '麻布', applied: true }]),
    { tokenizer: null },
  );
  assert.equal(feature(rows, 0, 0, 'correctionApplied'), 1);
  assert.equal(feature(rows, 0, 2, 'correctionApplied'), 0);
  assert.equal(feature(rows, 0, 3, 'nearUnheard'), 1);
  assert.equal(feature(rows, 2, 0, 'nearUnheard'), 1);
  assert.equal(feature(rows, 2, 0, 'speakerChange'), 0, 'an unheard line between has no speaker to compare');
  // です ends at 1.2 s; the unheard line starts at 2 s
  assert.ok(Math.abs(feature(rows, 0, 3, 'silenceAfter') - Math.log1p(0.8)) < 1e-9);
  assert.equal(feature(rows, 2, 2, 'noChars'), 1, 'punctuation has no characters to get wrong');
  const turns = doubtFeatures(
    transcript([
      seg(
        0,
        0,
        [
          ['はい', 0.9],
          ['。', 0.9],
        ],
        'S1',
      ),
      seg(
        1,
        1,
        [
          ['お', 0.9],
          ['答え', 0.9],
          ['し', 0.9],
          ['ます', 0.9],
        ],
        'S2',
      ),
    ]),
    { tokenizer: null },
  );
  assert.deepEqual(
    [0, 1, 2, 3].map((t) => feature(turns, 1, t, 'speakerChange')),
    [1, 1, 1, 0],
  );
});

test('kuromoji tells unknown words, numbers and proper names, and how costly the text reads', async () => {
  const tokenizer = await loadTokenizer();
  const s = seg(0, 0, [
    ['田中', 0.9],
    ['委員', 0.9],
    ['は', 0.9],
    ['3', 0.9],
    ['件', 0.9],
    ['の', 0.9],
    ['帯気', 0.5],
    ['自動', 0.6],
  ]);
  const rows = doubtFeatures(transcript([s]), { tokenizer });
  assert.equal(feature(rows, 0, 0, 'properNoun'), 1, '田中');
  assert.equal(feature(rows, 0, 3, 'number'), 1, '3');
  assert.equal(feature(rows, 0, 1, 'properNoun'), 0);
  assert.ok(feature(rows, 0, 6, 'wordCost') > feature(rows, 0, 2, 'wordCost'), '帯気 reads as a costlier word than は');
  const plain = doubtFeatures(transcript([s]), { tokenizer: null });
  assert.equal(feature(plain, 0, 0, 'properNoun'), 0, 'no tokenizer: the word-shape features stay 0');
});

test('the logistic fit recovers the weights that made the labels', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const x = [random() * 4 - 2, random() * 4 - 2, random() < 0.3 ? 1 : 0];
    const p = 1 / (1 + Math.exp(-(-1 + 2 * x[0]! - 1 * x[1]! + 0 * x[2]!)));
    rows.push(x);
    labels.push(random() < p ? 1 : 0);
  }
  const fit = fitLogistic(rows, labels, 0.01);
  const raw = fit.weights.map((w, j) => w / fit.scale[j]!);
  assert.ok(Math.abs(raw[0]! - 2) < 0.25 && Math.abs(raw[1]! + 1) < 0.2 && Math.abs(raw[2]!) < 0.25, `weights ${raw}`);
  assert.ok(predictLogistic(fit, [2, -2, 0]) > 0.95 && predictLogistic(fit, [-2, 2, 0]) < 0.05);
});

test('levels: a word heard anyway between two doubtful words takes their level; unheard lines make stretches too', () => {
  // words 0.3 s apart from 5 s: the stretch around words 1 and 3 (4.8–6.7 s once padded) holds word 2 with its
  // padding, not words 0 or 4; word 7 (念のため) widens the stretch of both levels to 7.9 s, which holds words 4–6
  const s = seg(0, 5, [
    ['あ', 0.9],
    ['い', 0.9],
    ['う', 0.9],
    ['え', 0.9],
    ['お', 0.9],
    ['か', 0.9],
    ['き', 0.9],
    ['く', 0.9],
    ['け', 0.9],
  ]);
  const probs = [[0, 0.9, 0, 0.9, 0, 0, 0, 0.5, 0]];
  assert.deepEqual(doubtLevels([s], probs, { check: 0.8, maybe: 0.4 }), [
    ['none', 'check', 'check', 'check', 'maybe', 'maybe', 'maybe', 'maybe', 'none'],
  ]);
  const unheard = { start: 3, end: 4, tokens: [], unheard: true };
  const next = seg(1, 3.1, [
    ['は', 0.9],
    ['い', 0.9],
  ]);
  const levels = doubtLevels([unheard, next], [[], [0.9, 0]], { check: 0.8, maybe: 0.4 });
  assert.deepEqual(levels[1], ['check', 'check'], "the word after lies inside the unheard line's stretch");
});

test('scoreDoubt gives every word doubt and a level, keeps p, and follows the model', () => {
  const model: DoubtModel = {
    features: ['logitP'],
    mean: [0],
    scale: [1],
    weights: [-2],
    bias: 0,
    thresholds: { check: 0.7, maybe: 0.4 },
    trained: { date: '2024-01-01', tune: [], check: [], files: [], words: 0, note: 'hand-made' },
  };
  const t = transcript([
    seg(0, 5, [
      ['本日', 0.99],
      ['会議', 0.1],
      ['の', 0.97],
      ['開催', 0.1],
      ['です', 0.99],
    ]),
    seg(1, 20, [
      ['以上', 0.98],
      ['です', 0.5],
    ]),
  ]);
  const scored = scoreDoubt(t, { tokenizer: null, model });
  assert.deepEqual(
    scored.segments.map((s) => s.tokens.map((x) => [x.p, x.doubtLevel, x.doubt])),
    [
      [
        [0.99, 'none', false],
        [0.1, 'check', true],
        [0.97, 'check', true],
        [0.1, 'check', true],
        [0.99, 'none', false],
      ],
      [
        [0.98, 'none', false],
        [0.5, 'maybe', false],
      ],
    ],
    'の is heard anyway between 会議 and 開催',
  );
  assert.equal(t.segments[0]!.tokens[0]!.doubt, undefined, 'the input is not changed');
  assert.throws(() => doubtProbabilities({ ...model, features: ['logitP', 'crystalBall'] }, [[0]]), /crystalBall/);
});

test('the committed model: every feature known, thresholds ordered, learned on tune-half meetings only', () => {
  assert.deepEqual(
    DOUBT_MODEL.features.filter((f) => !(DOUBT_FEATURES as readonly string[]).includes(f)),
    [],
  );
  assert.equal(DOUBT_MODEL.weights.length, DOUBT_MODEL.features.length);
  assert.ok(DOUBT_MODEL.thresholds.maybe <= DOUBT_MODEL.thresholds.check);
  assert.match(DOUBT_MODEL.trained.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(
    DOUBT_MODEL.trained.tune.filter((n) => DOUBT_MODEL.trained.check.includes(n)),
    [],
  );
  for (const file of DOUBT_MODEL.trained.files) {
    assert.ok(
      DOUBT_MODEL.trained.tune.some((n) => file.split('/').pop()!.startsWith(n)),
      `${file} is a tune-half meeting`,
    );
  }
  assert.ok(DOUBT_MODEL.trained.files.length > 0 && DOUBT_MODEL.trained.words > 1000);
});
