import { normalizeForCer, parseJapaneseNumber } from './characterErrorRate';

/**
 * normalizeForCer, keeping for every output character the UTF-16 offset of the source
 * character it came from: measures that charge errors to words need to know which word
 * an error character belongs to. The steps mirror normalizeForCer one by one; the result
 * is checked against it and, should the two ever differ, falls back to spreading
 * normalizeForCer's characters evenly over the source (the CER measure never changes).
 */
export interface TrackedText {
  chars: string[];
  /** UTF-16 offset in the source text of each character's origin */
  origin: number[];
}

interface Piece {
  ch: string;
  origin: number;
}

const NUMBER_RUN = /[0-9〇零一二三四五六七八九][0-9〇零一二三四五六七八九十百千万億兆]*|[十百千][0-9〇零一二三四五六七八九十百千万億兆]*/g;
const DROPPED = /^[\p{P}\p{Z}\p{S}\s]$/u;
/** marks that NFKC joins to the character before (combining marks, half-width dakuten) */
const JOINS_PREVIOUS = /^[\p{M}\uFF9E\uFF9F]$/u;

export function normalizeTracked(text: string): TrackedText {
  let pieces = foldWidthAndCase(text);
  pieces = dropDigitGroupCommas(pieces);
  pieces = pieces.flatMap((p) => (p.ch === '%' ? [...'パーセント'].map((ch) => ({ ch, origin: p.origin })) : [p]));
  pieces = pieces.filter((p) => !DROPPED.test(p.ch));
  pieces = numbersAsDigits(pieces);
  const tracked = { chars: pieces.map((p) => p.ch), origin: pieces.map((p) => p.origin) };
  const expected = normalizeForCer(text);
  return tracked.chars.join('') === expected ? tracked : spreadEvenly(text, expected);
}

function foldWidthAndCase(text: string): Piece[] {
  const clusters: { text: string; origin: number }[] = [];
  let offset = 0;
  for (const cp of text) {
    const last = clusters[clusters.length - 1];
    if (last && JOINS_PREVIOUS.test(cp)) last.text += cp;
    else clusters.push({ text: cp, origin: offset });
    offset += cp.length;
  }
  return clusters.flatMap((c) => [...c.text.normalize('NFKC').toLowerCase()].map((ch) => ({ ch, origin: c.origin })));
}

/** Regex matches over the pieces' joined text, as piece index ranges. */
function matchPieces(pieces: Piece[], re: RegExp): { from: number; to: number; text: string }[] {
  const startOf: number[] = [];
  let s = '';
  for (const p of pieces) {
    startOf.push(s.length);
    s += p.ch;
  }
  const indexAt = new Map(startOf.map((o, i) => [o, i]));
  const out: { from: number; to: number; text: string }[] = [];
  for (const m of s.matchAll(re)) {
    const from = indexAt.get(m.index) ?? 0;
    const end = m.index + m[0].length;
    const to = end >= s.length ? pieces.length : (indexAt.get(end) ?? pieces.length);
    out.push({ from, to, text: m[0] });
  }
  return out;
}

function dropDigitGroupCommas(pieces: Piece[]): Piece[] {
  const commas = new Set(matchPieces(pieces, /(\d),(?=\d{3})/g).map((m) => m.from + 1));
  return pieces.filter((_, i) => !commas.has(i));
}

function numbersAsDigits(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of matchPieces(pieces, NUMBER_RUN)) {
    out.push(...pieces.slice(at, m.from));
    const digits = [...String(parseJapaneseNumber(m.text))];
    const span = m.to - m.from;
    digits.forEach((ch, i) => out.push({ ch, origin: pieces[m.from + Math.floor((i * span) / digits.length)]!.origin }));
    at = m.to;
  }
  out.push(...pieces.slice(at));
  return out;
}

function spreadEvenly(text: string, normalized: string): TrackedText {
  const chars = [...normalized];
  return { chars, origin: chars.map((_, i) => Math.floor((i * text.length) / Math.max(1, chars.length))) };
}
