import type { LocalizedText } from '../common/errors';
import { comparableReading, moraDistance, morae } from './kana';
import type { JaTokenizer } from './loadTokenizer';
import { readingTokens, type ReadingToken } from './readingTokens';
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

/** Mora edits allowed between a heard reading and a term's: none below 5 morae (too many homophones). */
export function allowedEdits(termMorae: number): number {
  if (termMorae >= 8) return 2;
  if (termMorae >= 5) return 1;
  return 0;
}

interface PreparedTerm { entry: TermEntry; morae: string[]; reading: string }

export function correctTerms(texts: string[], entries: TermEntry[], tokenizer: JaTokenizer): CorrectionResult {
  const enabled = entries.filter((e) => e.enabled && e.surface !== '');
  const terms: PreparedTerm[] = enabled.filter((e) => e.reading !== '').map((entry) => {
    const reading = comparableReading(entry.reading);
    return { entry, reading, morae: morae(reading) };
  });
  const replacements: TermReplacement[] = [];
  texts.forEach((text, segmentIndex) => {
    replacements.push(...findInSegment(segmentIndex, text, enabled, terms, tokenizer));
  });
  const out = texts.map((text, i) => applyReplacements(text, replacements.filter((r) => r.segmentIndex === i && r.confidence === 'sure')));
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

function findInSegment(segmentIndex: number, text: string, entries: TermEntry[], terms: PreparedTerm[],
  tokenizer: JaTokenizer): TermReplacement[] {
  // Spans already written as a term are right; nothing may rewrite them.
  const protectedSpans = entries.flatMap((e) => occurrences(text, e.surface));
  const candidates: Array<TermReplacement & { rank: number }> = [];
  const add = (start: number, end: number, entry: TermEntry, confidence: 'sure' | 'suggest', rank: number, reason: LocalizedText): void => {
    if (protectedSpans.some(([s, e]) => s < end && start < e)) return;
    candidates.push({ segmentIndex, start, end, from: text.slice(start, end), to: entry.surface,
      termSurface: entry.surface, confidence, reason, rank });
  };
  for (const entry of entries) {
    for (const wrong of entry.misrecognitions) {
      for (const [s, e] of occurrences(text, wrong)) {
        add(s, e, entry, 'sure', 0, { ja: `登録済みの誤認識「${wrong}」`, en: `known misrecognition "${wrong}"` });
      }
    }
  }
  const tokens = readingTokens(tokenizer, text);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!first.reading || first.pos === '助詞' || first.pos === '助動詞') continue;
    let heard = '';
    for (let j = i; j < tokens.length && tokens[j]!.reading !== null; j++) {
      heard += tokens[j]!.reading;
      if (tokens[j]!.reading === '') continue;
      const span = tokens.slice(i, j + 1);
      const heardMorae = morae(heard);
      let longest = 0;
      for (const term of terms) {
        const limit = allowedEdits(term.morae.length);
        longest = Math.max(longest, term.morae.length + limit);
        if (Math.abs(heardMorae.length - term.morae.length) > limit) continue;
        const d = moraDistance(heardMorae, term.morae, limit);
        if (d > limit) continue;
        const sure = d === 0 && !likelyHomophone(span);
        add(first.start, tokens[j]!.end, term.entry, sure ? 'sure' : 'suggest', 1 + d,
          d === 0
            ? { ja: `よみが一致（${term.reading}）`, en: `same reading (${term.reading})` }
            : { ja: `よみが近い（${heard} → ${term.reading}、${d}音違い）`, en: `similar reading (${heard} → ${term.reading}, ${d} mora off)` });
      }
      if (heardMorae.length > longest) break;
    }
  }
  return pickNonOverlapping(candidates);
}

/**
 * A span that is one correctly spelled dictionary word (先行 for a term 選考) is a homophone the
 * speaker may well have meant: only suggested. Odd splits (高性委員会) and unknown words are sure.
 */
function likelyHomophone(span: ReadingToken[]): boolean {
  const words = span.filter((t) => t.reading !== '');
  return words.length === 1 && words[0]!.known;
}

function pickNonOverlapping(candidates: Array<TermReplacement & { rank: number }>): TermReplacement[] {
  const order = (c: TermReplacement & { rank: number }): number[] =>
    [c.confidence === 'sure' ? 0 : 1, c.rank, -(c.end - c.start), c.start];
  const sorted = [...candidates].sort((a, b) => {
    const x = order(a), y = order(b);
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
