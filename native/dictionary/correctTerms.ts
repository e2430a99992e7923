import type { LocalizedText } from '../common/errors';
import { comparableReading, isKanaOnly, moraDistance, morae } from './kana';
import type { JaTokenizer } from './loadTokenizer';
import { readingLattice, spansFrom, UNKNOWN_MORA, type HeardSpan } from './readingLattice';
import type { ReadingToken } from './readingTokens';
import type { TermEntry } from './termEntry';

export interface TermReplacement {
  segmentIndex: number;
  /** char offsets in the segment's text as transcribed */
  start: number;
  end: number;
  from: string;
  to: string;
  termSurface: string;
  /** sure: applied automatically (and undoable); suggest: shown for the clerk to accept */
  confidence: 'sure' | 'suggest';
  reason: LocalizedText;
}

export interface CorrectionResult {
  /** each segment with its sure replacements applied */
  texts: string[];
  /** every replacement found, sure and suggested, in segment and text order */
  replacements: TermReplacement[];
}

/**
 * Mora edits allowed between a heard reading and a term's: none below 5 morae (too many
 * homophones), except one for a 4-mora term heard as shredded text (若さか for 赤坂).
 */
export function allowedEdits(termMorae: number, shredded = false): number {
  if (termMorae >= 10) return 3;
  if (termMorae >= 8) return 2;
  if (termMorae >= 5) return 1;
  return shredded && termMorae === 4 ? 1 : 0;
}

interface PreparedTerm {
  entry: TermEntry;
  morae: string[];
  reading: string;
}

/**
 * Which found terms are written into the text (the rest are suggestions for the clerk). Chosen on the
 * corpus's tune half with every meeting's terms in one list and confirmed on the check half
 * (bench/tune/): applying near readings too lowered CER (tune 0.193 → 0.187, check 0.207 → 0.199)
 * and raised term recall (0.53 → 0.65, 0.64 → 0.79). Homophones of ordinary words would add 0.001 CER
 * and 0.02 recall on both halves: too little to overwrite a word the speaker may have meant.
 * Applied corrections stay listed and undoable.
 */
export interface CorrectionPolicy {
  /** a reading a mora or more off (大き自動 for 待機児童) */
  applyNear: boolean;
  /** the same reading as a word kuromoji knows (先行 for 選考): the speaker may have meant the word */
  applyHomophones: boolean;
}

export const DEFAULT_CORRECTION_POLICY: CorrectionPolicy = { applyNear: true, applyHomophones: false };

export function correctTerms(
  texts: string[],
  entries: TermEntry[],
  tokenizer: JaTokenizer,
  policy: CorrectionPolicy = DEFAULT_CORRECTION_POLICY,
): CorrectionResult {
  const enabled = entries.filter((e) => e.enabled && e.surface !== '');
  const terms: PreparedTerm[] = enabled
    .filter((e) => e.reading !== '')
    .map((entry) => {
      const reading = comparableReading(entry.reading);
      return { entry, reading, morae: morae(reading) };
    });
  const replacements: TermReplacement[] = [];
  texts.forEach((text, segmentIndex) => {
    replacements.push(...findInSegment(segmentIndex, text, enabled, terms, tokenizer, policy));
  });
  const out = texts.map((text, i) =>
    applyReplacements(
      text,
      replacements.filter((r) => r.segmentIndex === i && r.confidence === 'sure'),
    ),
  );
  return { texts: out, replacements };
}

/** Applies replacements (offsets into `text`, not overlapping) from the end so offsets stay valid. */
export function applyReplacements(text: string, replacements: TermReplacement[]): string {
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, r.start) + r.to + out.slice(r.end);
  }
  return out;
}

function findInSegment(
  segmentIndex: number,
  text: string,
  entries: TermEntry[],
  terms: PreparedTerm[],
  tokenizer: JaTokenizer,
  policy: CorrectionPolicy,
): TermReplacement[] {
  // Spans already written as a term are right; nothing may rewrite them.
  const protectedSpans = entries.flatMap((e) => occurrences(text, e.surface));
  const candidates: Array<TermReplacement & { rank: number }> = [];
  const add = (start: number, end: number, entry: TermEntry, confidence: 'sure' | 'suggest', rank: number, reason: LocalizedText): void => {
    if (protectedSpans.some(([s, e]) => s < end && start < e)) return;
    candidates.push({
      segmentIndex,
      start,
      end,
      from: text.slice(start, end),
      to: entry.surface,
      termSurface: entry.surface,
      confidence,
      reason,
      rank,
    });
  };
  for (const entry of entries) {
    for (const wrong of entry.misrecognitions) {
      for (const [s, e] of occurrences(text, wrong)) {
        add(s, e, entry, 'sure', 0, { ja: `登録済みの誤認識「${wrong}」`, en: `known misrecognition "${wrong}"` });
      }
    }
  }
  const lattice = readingLattice(tokenizer, text);
  const byHead = termsByHead(terms);
  for (const first of lattice.words) {
    if (!first.reading || first.pos === '助詞' || first.pos === '助動詞') continue;
    for (let start = first.start; start < first.end; start++) {
      if (start > first.start && !lattice.boundaries.has(start)) continue;
      // a term is only looked for where one of its first morae is heard
      const heads = new Set((lattice.edges[start] ?? []).flatMap((e) => morae(e.reading).slice(0, 2)));
      const near = [...new Set([...heads].flatMap((h) => byHead.get(h) ?? []))];
      if (near.length === 0) continue;
      const longest = Math.max(...near.map((t) => t.morae.length + allowedEdits(t.morae.length, true)));
      // readings are at most two characters a mora (キョ): this bounds the search, morae() decides
      for (const span of spansFrom(lattice, start, longest * 2)) {
        if (insideOneWord(span, lattice.words)) continue;
        const heardMorae = morae(span.reading);
        const shredded = isShredded(span, lattice.words);
        const candidates = new Set([...(byHead.get(heardMorae[0] ?? '') ?? []), ...(byHead.get(heardMorae[1] ?? '') ?? [])]);
        for (const term of candidates) {
          const limit = allowedEdits(term.morae.length, shredded);
          if (Math.abs(heardMorae.length - term.morae.length) > limit) continue;
          const d = moraDistance(heardMorae, term.morae, limit);
          if (d > limit) continue;
          const sure = shredded || isSure(d, span, text.slice(span.start, span.end), term, lattice.words, policy);
          add(
            span.start,
            span.end,
            term.entry,
            sure ? 'sure' : 'suggest',
            1 + d,
            d === 0
              ? { ja: `よみが一致（${term.reading}）`, en: `same reading (${term.reading})` }
              : {
                  ja: `よみが近い（${span.reading} → ${term.reading}、${d}音違い）`,
                  en: `similar reading (${span.reading} → ${term.reading}, ${d} mora off)`,
                },
          );
        }
      }
    }
  }
  return pickNonOverlapping(candidates);
}

/**
 * Applied without asking: the same reading, unless the span is one correctly spelled word
 * (先行 for a term 選考: a homophone the speaker may well have meant); or, for a long term,
 * a near reading written the way whisper writes what it did not know — a kanji it could not
 * have meant (推刀), plain kana (たかなわげへとはいい), or half the term's own characters (例月推刀検査).
 */
function isSure(
  distance: number,
  span: HeardSpan,
  heard: string,
  term: PreparedTerm,
  words: ReadingToken[],
  policy: CorrectionPolicy,
): boolean {
  const oneWord = words.some((w) => w.start === span.start && w.end === span.end && w.known);
  if (distance === 0) return !oneWord || policy.applyHomophones;
  if (policy.applyNear) return true;
  if (term.morae.length < 8) return false;
  const shared = [...new Set(term.entry.surface)].filter((c) => heard.includes(c)).length;
  return span.reading.includes(UNKNOWN_MORA) || isKanaOnly(heard.replace(/\s/g, '')) || shared * 2 >= [...term.entry.surface].length;
}

/**
 * Three or more one-character words in a row, with kana among them (若/さ/か): not how anyone
 * writes Japanese, but how whisper writes a word it could not place.
 */
function isShredded(span: HeardSpan, words: ReadingToken[]): boolean {
  const inside = words.filter((w) => w.start >= span.start && w.end <= span.end && w.reading !== '');
  return (
    inside.length >= 3 &&
    inside.every((w) => w.end - w.start === 1) &&
    inside.some((w) => isKanaOnly(w.surface)) &&
    inside.reduce((n, w) => n + w.end - w.start, 0) === span.end - span.start
  );
}

/** inside one word kuromoji knows (a kana stretch of ありがとう), not a place a term can be */
function insideOneWord(span: HeardSpan, words: ReadingToken[]): boolean {
  return words.some((w) => w.known && w.start <= span.start && span.end <= w.end && (w.start < span.start || span.end < w.end));
}

/**
 * Terms by the morae a heard span may begin with: a span is looked up by its first two morae,
 * and a term is found by its first, or one of its first few when edits are allowed (大きじ道 for 待機児童).
 */
function termsByHead(terms: PreparedTerm[]): Map<string, PreparedTerm[]> {
  const map = new Map<string, PreparedTerm[]>();
  for (const t of terms) {
    const limit = allowedEdits(t.morae.length, true);
    for (const head of new Set(t.morae.slice(0, limit === 0 ? 1 : limit + 2))) {
      map.set(head, [...(map.get(head) ?? []), t]);
    }
    // a heard span may also begin with a kanji nobody could read
    if (limit > 0) map.set(UNKNOWN_MORA, [...(map.get(UNKNOWN_MORA) ?? []), t]);
  }
  return map;
}

function pickNonOverlapping(candidates: Array<TermReplacement & { rank: number }>): TermReplacement[] {
  const order = (c: TermReplacement & { rank: number }): number[] => [c.confidence === 'sure' ? 0 : 1, c.rank, -(c.end - c.start), c.start];
  const sorted = [...candidates].sort((a, b) => {
    const x = order(a),
      y = order(b);
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! - y[k]!;
    return 0;
  });
  const taken: TermReplacement[] = [];
  for (const { rank: _rank, ...c } of sorted) {
    if (c.from === c.to) continue;
    if (taken.some((t) => t.start < c.end && c.start < t.end)) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function occurrences(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (needle === '') return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push([i, i + needle.length]);
  return out;
}
