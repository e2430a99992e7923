// Word timing through text corrections: which recognised tokens still spell parts of a
// segment's text, and where. Pure functions.
import type { Token } from '../common/api';

export interface PlacedToken {
  token: Token;
  /** UTF-16 offset of the token's text in the segment text */
  at: number;
  length: number;
}

/** Above this many token × character cells the search falls back to first-fit (a 5,000-character segment). */
const MAX_CELLS = 2_000_000;

function pieceOf(t: Token): string {
  return t.text.trim() || t.text;
}

/**
 * Places tokens, in order and without overlap, on `text`, keeping the set that spells the most
 * characters. Each kept token sits at its first occurrence after the previous one (an earlier
 * occurrence never leaves less room for the rest), so the search is over keep/skip only:
 * best[i][p] = most characters tokens i… can spell from offset p.
 */
export function placeTokens(tokens: readonly Token[], text: string): PlacedToken[] {
  const pieces = tokens.map(pieceOf);
  const n = text.length;
  const count = tokens.length;
  if (count === 0 || n === 0) return [];
  if (count * (n + 1) > MAX_CELLS) return placeFirstFit(tokens, pieces, text);

  // nextAt[i][p]: first occurrence of piece i at or after p, or -1
  const nextAt: Int32Array[] = pieces.map((piece) => {
    const row = new Int32Array(n + 2).fill(-1);
    if (piece.length === 0) return row;
    let next = -1;
    for (let p = n; p >= 0; p--) {
      if (text.startsWith(piece, p)) next = p;
      row[p] = next;
    }
    return row;
  });
  const best: Int32Array[] = Array.from({ length: count + 1 }, () => new Int32Array(n + 2));
  for (let i = count - 1; i >= 0; i--) {
    const row = best[i]!;
    const below = best[i + 1]!;
    const next = nextAt[i]!;
    const len = pieces[i]!.length;
    for (let p = n; p >= 0; p--) {
      const q = next[p]!;
      const take = q < 0 ? -1 : len + below[q + len]!;
      row[p] = Math.max(take, below[p]!);
    }
  }
  const placed: PlacedToken[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    const q = nextAt[i]![p]!;
    const len = pieces[i]!.length;
    if (q >= 0 && len + best[i + 1]![q + len]! >= best[i + 1]![p]!) {
      placed.push({ token: tokens[i]!, at: q, length: len });
      p = q + len;
    }
  }
  return placed;
}

function placeFirstFit(tokens: readonly Token[], pieces: string[], text: string): PlacedToken[] {
  const placed: PlacedToken[] = [];
  let p = 0;
  tokens.forEach((token, i) => {
    const piece = pieces[i]!;
    const q = piece ? text.indexOf(piece, p) : -1;
    if (q >= 0) {
      placed.push({ token, at: q, length: piece.length });
      p = q + piece.length;
    }
  });
  return placed;
}

/** The tokens that still spell parts of `text`, with their timing. */
export function keepTokens(tokens: readonly Token[], text: string): Token[] {
  return placeTokens(tokens, text).map((t) => t.token);
}

export interface SplitTokens {
  first: Token[];
  second: Token[];
  /** where the first part ends in time, in seconds */
  time: number;
}

/**
 * Splits a segment's tokens at a character offset. The time cut is the end of the last token
 * wholly before the offset (else the start of the first token after it), otherwise
 * proportional to characters. A token that straddles the offset spells neither part and is dropped.
 */
export function splitTokens(tokens: readonly Token[], text: string, offset: number, start: number, end: number): SplitTokens {
  const placed = placeTokens(tokens, text);
  const first = placed.filter((t) => t.at + t.length <= offset).map((t) => t.token);
  const second = placed.filter((t) => t.at >= offset).map((t) => t.token);
  let time: number;
  const lastBefore = first[first.length - 1];
  const firstAfter = second[0];
  if (lastBefore) time = lastBefore.end;
  else if (firstAfter) time = firstAfter.start;
  else time = start + ((end - start) * offset) / text.length;
  time = Math.round(Math.min(end, Math.max(start, time)) * 1000) / 1000;
  return { first, second, time };
}

/** Moves an offset that falls inside a surrogate pair to after the pair, so a split never breaks a character. */
export function characterBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 ? offset + 1 : offset;
}
