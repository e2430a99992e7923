// The clerk-minutes measures on hand-made transcripts: where each error character is charged,
// how runs are counted, and the (a)–(f) arithmetic of issue 15.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TranscriptToken } from '../../native/common/transcript';
import { chargeErrors, clerkMeasures, pooledMeasures, type ClerkSegment } from '../../native/eval/clerkMinutes';
import { normalizeForCer } from '../../native/eval/characterErrorRate';
import { corpusDir, listMeetings, loadMeeting } from '../../native/eval/corpus';
import { NO_CORPUS } from '../helpers/fixtures';
import { normalizeTracked } from '../../native/eval/trackedNormalization';

/** A segment whose tokens are the given pieces, 0.2 s each from `start`; pieces starting with * are marked. */
function seg(start: number, pieces: string[]): ClerkSegment {
  const tokens: TranscriptToken[] = pieces.map((p, i) => ({
    start: start + i * 0.2,
    end: start + (i + 1) * 0.2,
    text: p.replace(/^\*/, ''),
    p: 0.9,
    doubt: p.startsWith('*'),
  }));
  return { start, end: start + pieces.length * 0.2, text: tokens.map((t) => t.text).join(''), tokens };
}
const ref = (...texts: string[]) => texts.map((text) => ({ text }));
const byDoubt = (segments: ClerkSegment[]) => (u: { segment: number; token: number }) =>
  u.token >= 0 && segments[u.segment]!.tokens[u.token]!.doubt === true;
function measure(reference: { text: string }[], segments: ClerkSegment[], durationS = 3600) {
  return clerkMeasures(chargeErrors(reference, segments), byDoubt(segments), durationS);
}

test('a perfect transcript has no errors, nothing residual and full recall', () => {
  const m = measure(ref('本日の会議を開きます。'), [seg(0, ['本日', 'の', '会議', 'を', '開きます', '。'])]);
  assert.equal(m.errors, 0);
  assert.equal(m.cer, 0);
  assert.equal(m.errorRecall, 1);
  assert.equal(m.residualCer, 0);
});

test('a substituted character is charged to the word it is in', () => {
  const inMarks = measure(ref('鈴木健太郎議員'), [seg(0, ['鈴木', '*県', '太郎', '議員'])]);
  assert.equal(inMarks.errors, 1);
  assert.equal(inMarks.errorsInMarks, 1);
  assert.equal(inMarks.runsInMarks, 1);
  const outside = measure(ref('鈴木健太郎議員'), [seg(0, ['*鈴木', '県', '太郎', '議員'])]);
  assert.equal(outside.errorsInMarks, 0);
  assert.ok(Math.abs(outside.residualCer - 1 / 7) < 1e-9);
});

test('a deleted reference character is charged to the hypothesis character before it', () => {
  const charges = chargeErrors(ref('本日の会議を開きます'), [seg(0, ['本日', 'の', '会議', '開きます'])]);
  assert.deepEqual(charges.unitErrors, [0, 0, 1, 0], 'を is missing after 会議');
  const atStart = chargeErrors(ref('はい本日'), [seg(0, ['本日'])]);
  assert.deepEqual(atStart.unitErrors, [2], 'nothing before: the first character takes it');
});

test('an inserted character is an error of the word that holds it', () => {
  const charges = chargeErrors(ref('会議録'), [seg(0, ['会議', 'えー', '録'])]);
  assert.deepEqual(charges.unitErrors, [0, 2, 0]);
  assert.equal(charges.errors, 2);
});

test('speech lost where an unheard segment stands is charged to it, and it always counts as marked', () => {
  const unheard: ClerkSegment = { start: 2, end: 5, text: '', tokens: [], unheard: true };
  const segments = [seg(0, ['質問', 'です', '。']), unheard, seg(6, ['以上', '。'])];
  const charges = chargeErrors(ref('質問です。', '答弁あり。', '以上。'), segments);
  assert.deepEqual(charges.unitErrors, [0, 0, 0, 4, 0, 0]);
  const m = clerkMeasures(charges, byDoubt(segments), 60);
  assert.equal(m.errorRecall, 1);
  assert.ok(Math.abs(m.coveredS - 4) < 1e-9, 'the unheard 3 s padded by 0.5 s on both sides');
});

test('error runs: a correct character ends a run; the part of a run inside marks is one fix of the review pass', () => {
  const apart = measure(ref('あいうえお'), [seg(0, ['あ', 'X', 'う', 'Y', 'お'])]);
  assert.equal(apart.runs, 2);
  const together = measure(ref('あいうえお'), [seg(0, ['あ', 'X', 'Y', 'え', 'お'])]);
  assert.equal(together.runs, 1);
  const crossing = measure(ref('あいうえお'), [seg(0, ['あ', '*X', 'Y', 'え', 'お'])]);
  assert.equal(crossing.runs, 1, 'one fix for the clerk who hears everything');
  assert.equal(crossing.runsInMarks, 1);
  assert.equal(crossing.errorsInMarks, 1, 'Y stays in the minutes of the review pass');
  const twoMarked = measure(ref('あいうえおか'), [seg(0, ['あ', '*X', 'う', '*Y', '*Z', 'か'])]);
  assert.deepEqual([twoMarked.runs, twoMarked.runsInMarks], [2, 2]);
});

test('coverage pads marked words by 0.5 s, merges overlaps and clips to the recording', () => {
  // marked tokens at 0.0–0.2 (clipped at 0), 0.4–0.6 (merges with it) and 2.0–2.2
  const s = seg(0, ['*あ', 'い', '*う', 'え', 'お', 'か', 'き', 'く', 'け', 'こ', '*さ']);
  const m = measure(ref('あいうえおかきくけこさ'), [s], 100);
  assert.ok(Math.abs(m.coveredS - (1.1 + 1.2)) < 1e-9, `covered ${m.coveredS}`);
  assert.ok(Math.abs(m.coverage - 0.023) < 1e-9);
});

test('(d) and (f): minutes per meeting hour from coverage and runs', () => {
  // 6 minutes of audio, half of it covered, one run inside marks and one outside
  const m = pooledMeasures([{ durationS: 360, refChars: 100, errors: 4, errorsInMarks: 3, runs: 2, runsInMarks: 1, coveredS: 180 }]);
  assert.equal(m.coverage, 0.5);
  assert.ok(Math.abs(m.reviewMinutesPerHour - (30 + (10 * 5) / 60)) < 1e-9, 'half an hour of listening + 10 runs per hour × 5 s');
  assert.ok(Math.abs(m.fullListenMinutesPerHour - (40 + (20 * 5) / 60)) < 1e-9, '60 min at 1.5× + 20 runs per hour × 5 s');
  assert.equal(m.residualCer, 0.01);
  assert.equal(m.errorRecall, 0.75);
});

test('numbers written either way are no error, and their digits belong to the words that said them', () => {
  const charges = chargeErrors(ref('四百二十万円です'), [seg(0, ['420', '万', '円', 'です'])]);
  assert.equal(charges.errors, 0);
  assert.deepEqual(charges.unitChars, [6, 1, 1, 2], '4200000 spread evenly over the four characters of 420万');
});

test('text no token spells (a term correction) belongs to the word before it, else the first word', () => {
  const s = seg(0, ['区', '議会']);
  const corrected: ClerkSegment = { ...s, text: '港区議会です' };
  const charges = chargeErrors(ref('港区議会でした'), [corrected]);
  assert.deepEqual(charges.unitChars, [2, 4]);
  assert.equal(charges.errors, 2);
  assert.deepEqual(charges.unitErrors, [0, 2], 'す→し and the missing た are errors of 議会, which です follows');
});

test('tracked normalisation gives exactly normalizeForCer, with origins in the source', () => {
  const samples = [
    '約四百二十万人、第４回。',
    '1,000円と８%',
    'ｶﾞｲﾄﾞライン　です',
    'ＡＩマッチング',
    '令和６年　第三回定例会',
    '𠮷野家の十二月',
  ];
  for (const text of samples) {
    const t = normalizeTracked(text);
    assert.equal(t.chars.join(''), normalizeForCer(text), text);
    assert.ok(
      t.origin.every((o, i) => o >= 0 && o < text.length && (i === 0 || o >= t.origin[i - 1]!)),
      `origins ascend in ${text}`,
    );
  }
  assert.deepEqual(normalizeTracked('ｶﾞイ').origin, [0, 2], 'a half-width voiced mark joins the character before');
});

test('tracked normalisation agrees with normalizeForCer on every corpus reference line', { skip: corpusDir() ? false : NO_CORPUS }, () => {
  const names = listMeetings();
  assert.ok(names.length >= 10, `corpus meetings: ${names.length}`);
  for (const name of names) {
    for (const s of loadMeeting(name).segments) {
      assert.equal(normalizeTracked(s.text).chars.join(''), normalizeForCer(s.text), `${name}: ${s.text}`);
    }
  }
});
