import type { Token } from '../../../../../native/common/api';

export interface TokenRange {
  token: Token;
  from: number;
  to: number;
}

/**
 * Where each recognised token sits in the segment's current text, or null when the
 * text no longer spells the tokens (then no word can be highlighted or flagged).
 * Tokens carry leading spaces and the engine may have dropped one character between
 * them, so each token's trimmed text is looked for at most one character ahead.
 */
export function locateTokens(text: string, tokens: readonly Token[]): TokenRange[] | null {
  if (tokens.length === 0) return null;
  const ranges: TokenRange[] = [];
  let pos = 0;
  for (const token of tokens) {
    const piece = token.text.trim();
    if (!piece) continue;
    const at = text.indexOf(piece, pos);
    if (at < 0 || at - pos > 1) return null;
    ranges.push({ token, from: at, to: at + piece.length });
    pos = at + piece.length;
  }
  return text.slice(pos).trim().length > 1 ? null : ranges;
}

export { LOW_P as LOW_CONFIDENCE } from '../../../../../native/common/doubtStretches';

/** The token being spoken at `time`, as an index into ranges, or -1. */
export function tokenAt(ranges: readonly TokenRange[], time: number): number {
  for (let i = ranges.length - 1; i >= 0; i--) {
    if (ranges[i]!.token.start <= time) return ranges[i]!.token.end + 0.5 >= time ? i : -1;
  }
  return -1;
}
