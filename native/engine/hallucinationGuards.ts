/**
 * Whisper invents text: loops that repeat a sentence through minutes of audio,
 * and stock phrases from its web training data in quiet stretches. These pure
 * checks find both in one piece's output.
 */

/** Phrases whisper writes into silence or noise; never said in a council. */
const PHANTOM_PHRASES = [
  'ご視聴ありがとうございました',
  'ご視聴ありがとうございます',
  '最後までご視聴',
  'チャンネル登録',
  '高評価',
  'おやすみなさい',
  '字幕',
  'お疲れ様でした',
  'ご清聴ありがとうございました',
  'thank you for watching',
  'thanks for watching',
  'subscribe',
];

const NON_SPEECH_TAG = /^[\s\u3000]*([[(（【♪*][^\])）】]*[\])）】♪*]?[\s\u3000]*)+$/u;

export function normalizeForCompare(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s、。，．,.!?！？「」『』・…ー〜~-]/gu, '');
}

/**
 * What whisper writes for a sound it cannot read (reverb, a murmur, a cough): a wave dash, or a few
 * kana shouted with "!" (う~い!, てーおー, はいーす!). Minutes never hold either; a short reply
 * such as はい。 or なし。 is not babble.
 */
const BABBLE = /[~～〜]|^[\p{Script=Hiragana}\p{Script=Katakana}ー、\s]{1,8}[!！]$/u;

/** A segment that is only a phantom phrase, a sound tag such as [音楽] or (拍手), or babble. */
export function isPhantom(text: string): boolean {
  if (NON_SPEECH_TAG.test(text) || BABBLE.test(text.trim())) return true;
  const n = normalizeForCompare(text);
  if (n.length === 0) return true;
  return PHANTOM_PHRASES.some((p) => {
    const q = normalizeForCompare(p);
    return n === q || (n.includes(q) && n.length <= q.length + 10);
  });
}

/**
 * A run of the same few characters or the same phrase inside one segment
 * (区区区区区区…, 以上です。以上です。以上です。) collapsed to one occurrence.
 * Returns null when there is no loop.
 */
export function collapseInnerLoop(text: string): string | null {
  const short = /(.{1,4}?)\1{5,}/gu; // 区区区区区区
  const long = /(.{5,80}?)\1{2,}/gu; // a phrase three times or more
  const collapsed = text.replace(short, '$1').replace(long, '$1');
  return collapsed === text ? null : collapsed;
}

export interface GuardedSegment {
  text: string;
}

export interface GuardReport<T> {
  kept: T[];
  /** segments dropped as a repeat of the one before */
  loops: T[];
  phantoms: T[];
  /** true when the piece looped: worth decoding again with other settings */
  looped: boolean;
}

/**
 * Drops phantom phrases and repeats of the previous segment; repairs loops
 * inside a segment. The same short reply twice (「異議なし」「異議なし」) is kept:
 * only a third copy, or a second copy of a long sentence, is a loop.
 */
export function guardSegments<T extends GuardedSegment>(segments: T[]): GuardReport<T> {
  const kept: T[] = [];
  const loops: T[] = [];
  const phantoms: T[] = [];
  let looped = false;
  let runText = '';
  let runLength = 0;
  for (const seg of segments) {
    if (isPhantom(seg.text)) {
      phantoms.push(seg);
      continue;
    }
    const inner = collapseInnerLoop(seg.text);
    const text = inner ?? seg.text;
    if (inner !== null) looped = true;
    const key = normalizeForCompare(text);
    runLength = key === runText ? runLength + 1 : 1;
    runText = key;
    if (runLength >= 3 || (runLength === 2 && key.length >= 10)) {
      loops.push(seg);
      looped = true;
      continue;
    }
    kept.push(inner === null ? seg : { ...seg, text });
  }
  return { kept, loops, phantoms, looped };
}

export interface ScoredSegment extends GuardedSegment {
  tokens: { p: number }[];
}

export function meanTokenP(segments: ScoredSegment[]): number {
  const ps = segments.flatMap((s) => s.tokens.map((t) => t.p));
  return ps.length === 0 ? 0 : ps.reduce((a, b) => a + b, 0) / ps.length;
}

/** Letters of scripts a Japanese meeting is not written in (Hangul, Cyrillic, Thai, Arabic …). */
const FOREIGN_SCRIPT = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
/** An English word in lower case (organisation, reason), or two Latin words in a row (move on): not an acronym, a unit or a product name. */
const ENGLISH = /(^|[^\p{Script=Latin}])\p{Ll}{5,}|\p{Script=Latin}{2,}\s+\p{Script=Latin}{2,}/u;

/**
 * Whisper drifted out of Japanese: a script a Japanese meeting is not written in,
 * English words, or one of its stock phrases inside a sentence.
 */
export function hasLanguageDrift(text: string): boolean {
  if (FOREIGN_SCRIPT.test(text.replace(/[\s\p{P}\p{S}\p{N}]/gu, ''))) return true;
  if (ENGLISH.test(text)) return true;
  const n = normalizeForCompare(text);
  return PHANTOM_PHRASES.some((p) => n.includes(normalizeForCompare(p)));
}

/**
 * A piece worth one more decode with beam search: it looped or it stutters
 * (ああああああ). Weak token probabilities alone are no reason: on our corpus a
 * second reading of such pieces was never more confident and cost 2× the time.
 */
export function needsRetry(segments: ScoredSegment[]): boolean {
  return guardSegments(segments).looped || segments.some((s) => /(.)\1{5,}/u.test(s.text) || hasLanguageDrift(s.text));
}
