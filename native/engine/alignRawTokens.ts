import type { RawToken } from '../whisper/parseWhisperJson';

/** Keeps the tokens that spell out `text` in order (after a loop was collapsed, some are dropped). */
export function alignTokens(tokens: RawToken[], text: string): RawToken[] {
  const joined = tokens.map((t) => t.text).join('');
  if (joined.trim() === text) return tokens.filter((t) => t.text.length > 0);
  const out: RawToken[] = [];
  let pos = 0;
  for (const t of tokens) {
    const piece = t.text.trim();
    if (!piece) continue;
    const at = text.indexOf(piece, pos);
    if (at === pos || (at > pos && at - pos <= 1)) {
      out.push(t);
      pos = at + piece.length;
    }
  }
  return out;
}
