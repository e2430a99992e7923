/**
 * What the engine knows about each word, as numbers a logistic model can weigh: whisper's
 * probability for it and its neighbours, timing (a gap after a word is where speech went
 * missing: deleted text is charged to the word before it), a second reading that disagrees,
 * term corrections, words kuromoji does not know or shreds into single kanji, numbers and proper
 * names, unheard segments and changes of speaker nearby. Pure: the tokenizer is passed in.
 * A feature the transcript cannot give (no second reading, no tokenizer) is 0.
 */
import { locateCorrection } from '../common/correctionSpans';
import type { Transcript, TranscriptSegment, TranscriptToken } from '../common/transcript';
import type { JaTokenizer } from '../dictionary/loadTokenizer';
import { alignChars } from '../eval/alignChars';
import { normalizeForCer } from '../eval/characterErrorRate';
import { placeTokens } from '../store/alignTokens';
import { pathCostPerChar } from './pathCost';

export const DOUBT_FEATURES = [
  'logitP',
  'lowP',
  'neighbourMinLogitP',
  'wordMinLogitP',
  'segmentMeanLogitP',
  'segmentLowShare',
  'chars',
  'noChars',
  'longWord',
  'gapAfter',
  'gapBefore',
  'silenceAfter',
  'secondsPerChar',
  'segmentCharsPerSecond',
  'secondReading',
  'secondReadingDisagrees',
  'correctionApplied',
  'correctionSuggested',
  'wordCost',
  'segmentCost',
  'unknownWord',
  'shreddedKanji',
  'noReading',
  'properNoun',
  'number',
  'foreignScript',
  'driftScript',
  'repeated',
  'nearUnheard',
  'speakerChange',
  'segmentEdge',
] as const;
export type DoubtFeature = (typeof DOUBT_FEATURES)[number];

export interface DoubtContext {
  /** kuromoji (native/dictionary/loadTokenizer); null leaves the word-shape features at 0 */
  tokenizer: JaTokenizer | null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const logit = (p: number) => {
  const q = clamp(p, 0.01, 0.99);
  return Math.log(q / (1 - q));
};

/** One feature vector per token, segment by segment, in the order of DOUBT_FEATURES. */
export function doubtFeatures(transcript: Pick<Transcript, 'segments' | 'corrections'>, context: DoubtContext): number[][][] {
  const segments = transcript.segments;
  // where the next spoken word anywhere starts: text that stops long before the next begins is where speech went missing
  const nextStart: number[][] = segments.map((seg) => seg.tokens.map(() => Infinity));
  let following = Infinity;
  for (let s = segments.length - 1; s >= 0; s--) {
    const tokens = segments[s]!.tokens;
    for (let i = tokens.length - 1; i >= 0; i--) {
      nextStart[s]![i] = following;
      if (normalizeForCer(tokens[i]!.text) !== '') following = tokens[i]!.start;
    }
    if (segments[s]!.unheard) following = Math.min(following, segments[s]!.start);
  }
  return segments.map((seg, s) => segmentFeatures(seg, s, segments, transcript.corrections ?? [], context, nextStart[s]!));
}

function segmentFeatures(
  seg: TranscriptSegment,
  s: number,
  segments: readonly TranscriptSegment[],
  corrections: NonNullable<Transcript['corrections']>,
  context: DoubtContext,
  nextAnywhere: readonly number[],
): number[][] {
  const tokens = seg.tokens;
  if (tokens.length === 0) return [];
  const spans = tokenSpans(seg);
  const logits = tokens.map((t) => logit(t.p));
  const spoken = tokens.map((t) => [...normalizeForCer(t.text)].length);
  const spokenCount = spoken.filter((n) => n > 0).length;
  const segmentMean = logits.reduce((a, b, i) => a + (spoken[i]! > 0 ? b : 0), 0) / Math.max(1, spokenCount);
  const segmentChars = spoken.reduce((a, b) => a + b, 0);
  const segmentLowShare = tokens.filter((t, i) => spoken[i]! > 0 && t.p < 0.5).length / Math.max(1, spokenCount);
  const charsPerSecond = segmentChars / Math.max(0.2, seg.end - seg.start);
  const disagreement = seg.secondReading === undefined ? null : charDisagreement(seg.text, seg.secondReading);
  const correctionMarks = correctionCoverage(seg, corrections);
  const shapes = context.tokenizer ? wordShapes(seg.text, context.tokenizer) : null;
  const wordMin = wordMinimum(spans, logits, shapes);
  const costs = context.tokenizer ? pathCostPerChar(context.tokenizer, seg.text) : null;
  const segmentCost = costs && costs.length ? costs.reduce((a, b) => a + b, 0) / costs.length : 0;
  const previous = segments[s - 1];
  const next = segments[s + 1];
  const nearUnheard = previous?.unheard === true || next?.unheard === true;
  const changesBefore = speakerDiffers(previous, seg);
  const changesAfter = speakerDiffers(seg, next);

  return tokens.map((t, i): number[] => {
    const [from, to] = spans[i] ?? [-1, -1];
    const within = <T>(arr: readonly T[] | null, test: (x: T) => boolean): number =>
      arr !== null && from >= 0 && arr.slice(from, to).some(test) ? 1 : 0;
    let neighbourMin = Infinity;
    for (let k = Math.max(0, i - 2); k <= Math.min(tokens.length - 1, i + 2); k++) {
      if (k !== i && spoken[k]! > 0) neighbourMin = Math.min(neighbourMin, logits[k]!);
    }
    const nextStart = tokens[i + 1]?.start ?? seg.end;
    const prevEnd = tokens[i - 1]?.end ?? seg.start;
    const chars = spoken[i]!;
    const features: Record<DoubtFeature, number> = {
      logitP: logits[i]!,
      lowP: t.p < 0.5 ? 1 : 0,
      neighbourMinLogitP: Number.isFinite(neighbourMin) ? neighbourMin : logits[i]!,
      wordMinLogitP: wordMin[i] ?? logits[i]!,
      segmentMeanLogitP: segmentMean,
      segmentLowShare,
      chars: Math.min(chars, 6),
      noChars: chars === 0 ? 1 : 0,
      longWord: chars >= 4 ? 1 : 0,
      gapAfter: clamp(nextStart - t.end, 0, 2),
      gapBefore: clamp(t.start - prevEnd, 0, 2),
      silenceAfter: Math.log1p(clamp((nextAnywhere[i] ?? Infinity) - t.end, 0, 30)),
      secondsPerChar: clamp((t.end - t.start) / Math.max(1, chars), 0, 1.5),
      segmentCharsPerSecond: Math.min(charsPerSecond, 20),
      secondReading: disagreement === null ? 0 : 1,
      secondReadingDisagrees: within(disagreement, (x) => x),
      correctionApplied: within(correctionMarks, (x) => x === 'applied'),
      correctionSuggested: within(correctionMarks, (x) => x === 'suggested'),
      wordCost: costs && from >= 0 ? clamp(Math.max(...costs.slice(from, Math.max(from + 1, to))), -5, 15) : 0,
      segmentCost: clamp(segmentCost, -5, 15),
      unknownWord: within(shapes, (x) => x?.unknown === true),
      shreddedKanji: within(shapes, (x) => x?.shredded === true),
      noReading: within(shapes, (x) => x?.noReading === true),
      properNoun: within(shapes, (x) => x?.proper === true),
      number: /[0-9０-９〇一二三四五六七八九十百千万億]/.test(t.text) || within(shapes, (x) => x?.number === true) ? 1 : 0,
      foreignScript: /[A-Za-zＡ-Ｚａ-ｚ\p{Script=Hangul}]/u.test(t.text) ? 1 : 0,
      // an English word or Hangul in a Japanese meeting is drift; capitals (AI, DX) are usually right
      driftScript: /[a-z]{3,}|\p{Script=Hangul}/u.test(t.text) ? 1 : 0,
      repeated: chars > 0 && tokens.slice(Math.max(0, i - 4), i).some((u) => u.text.trim() === t.text.trim()) ? 1 : 0,
      nearUnheard: nearUnheard ? 1 : 0,
      speakerChange: (changesBefore && i < 3) || (changesAfter && i >= tokens.length - 3) ? 1 : 0,
      segmentEdge: i === 0 || i === tokens.length - 1 ? 1 : 0,
    };
    return DOUBT_FEATURES.map((f) => features[f]);
  });
}

/**
 * Each token's [from, to) UTF-16 range in the segment's text. A token the text no longer spells (a
 * term correction replaced it) gets the text between its placed neighbours; undefined when there is none.
 */
function tokenSpans(seg: TranscriptSegment): ([number, number] | undefined)[] {
  const at = new Map<TranscriptToken, [number, number]>();
  for (const p of placeTokens(seg.tokens, seg.text)) at.set(p.token, [p.at, p.at + p.length]);
  const spans = seg.tokens.map((t) => at.get(t));
  return spans.map((span, i) => {
    if (span) return span;
    const before =
      spans
        .slice(0, i)
        .reverse()
        .find((x) => x)?.[1] ?? 0;
    const after = spans.slice(i + 1).find((x) => x)?.[0] ?? seg.text.length;
    return after > before ? [before, after] : undefined;
  });
}

function speakerDiffers(a: TranscriptSegment | undefined, b: TranscriptSegment | undefined): boolean {
  return !!a && !!b && a.speaker !== null && b.speaker !== null && a.speaker !== b.speaker;
}

/** Per UTF-16 offset of `text`: true where its character is not matched in the other reading. */
function charDisagreement(text: string, other: string): boolean[] {
  const mine = [...text];
  const offsets: number[] = [];
  let o = 0;
  for (const c of mine) {
    offsets.push(o);
    o += c.length;
  }
  const out = new Array<boolean>(text.length).fill(false);
  const keep = (c: string) => normalizeForCer(c) !== '';
  const mineIdx = mine.map((_, i) => i).filter((i) => keep(mine[i]!));
  const theirs = [...other].filter(keep);
  // aligned with this reading as the reference: 'del' is a character the other reading lacks, 'sub' one it
  // reads differently; 'ins', a character only the other reading has, marks the character before it
  for (const step of alignChars(
    mineIdx.map((i) => mine[i]!),
    theirs,
  )) {
    if (step.op === 'match') continue;
    const k = step.op === 'ins' ? Math.max(0, step.ref - 1) : step.ref;
    const at = mineIdx[k];
    if (at !== undefined) out.fill(true, offsets[at]!, offsets[at]! + mine[at]!.length);
  }
  return out;
}

function correctionCoverage(
  seg: TranscriptSegment,
  corrections: NonNullable<Transcript['corrections']>,
): ('applied' | 'suggested' | null)[] {
  const out = new Array<'applied' | 'suggested' | null>(seg.text.length).fill(null);
  for (const c of corrections) {
    if (c.segment !== seg.id) continue;
    const span = locateCorrection(seg.text, { ...c, id: 0, segmentId: c.segment, dismissed: false });
    if (span) out.fill(span.state, span.start, span.end);
  }
  return out;
}

interface WordShape {
  unknown: boolean;
  shredded: boolean;
  noReading: boolean;
  proper: boolean;
  number: boolean;
  start: number;
}

/** Per token: the lowest logit p among the tokens that share a kuromoji word with it (a misheard word is wrong as a whole). */
function wordMinimum(
  spans: readonly ([number, number] | undefined)[],
  logits: readonly number[],
  shapes: readonly (WordShape | null)[] | null,
): number[] {
  if (!shapes) return [...logits];
  const byWord = new Map<number, number>();
  const wordsOf = spans.map((span) => (span ? [...new Set(shapes.slice(span[0], span[1]).map((w) => w?.start ?? -1))] : []));
  wordsOf.forEach((words, i) => {
    for (const w of words) byWord.set(w, Math.min(byWord.get(w) ?? Infinity, logits[i]!));
  });
  return wordsOf.map((words, i) => Math.min(logits[i]!, ...words.map((w) => byWord.get(w) ?? Infinity)));
}

/** Per UTF-16 offset: what kuromoji makes of the word there. */
function wordShapes(text: string, tokenizer: JaTokenizer): (WordShape | null)[] {
  const out = new Array<WordShape | null>(text.length).fill(null);
  const words = tokenizer.tokenize(text);
  const singleKanji = words.map((w) => w.surface_form.length === 1 && /\p{Script=Han}/u.test(w.surface_form));
  words.forEach((w, i) => {
    const start = w.word_position - 1;
    const shape: WordShape = {
      unknown: w.word_type !== 'KNOWN' && w.pos !== '記号',
      // whisper's wrong kanji often come out as a string of one-kanji words kuromoji cannot join
      shredded: singleKanji[i]! && (singleKanji[i - 1] === true || singleKanji[i + 1] === true),
      noReading: w.pos !== '記号' && (!w.reading || w.reading === '*'),
      proper: w.pos_detail_1 === '固有名詞',
      number: w.pos_detail_1 === '数',
      start,
    };
    out.fill(shape, start, start + w.surface_form.length);
  });
  return out;
}
