import type { TranscriptSegment } from '../common/transcript';

const SENTENCE_END = /[。？！?!]$/u;

/**
 * Whisper often returns a whole 30-second piece as one segment. A clerk edits,
 * plays and assigns speakers sentence by sentence, so segments are split after
 * each 。？！ at the token that ends the sentence, with the tokens' times. Pure.
 */
export function splitSentences(seg: TranscriptSegment): TranscriptSegment[] {
  if (seg.tokens.length === 0) return [seg];
  const out: TranscriptSegment[] = [];
  let tokens: TranscriptSegment['tokens'] = [];
  const flush = (): void => {
    const text = tokens
      .map((t) => t.text)
      .join('')
      .trim();
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (text && first && last) {
      out.push({ ...seg, start: out.length === 0 ? seg.start : first.start, end: last.end, text, tokens });
    }
    tokens = [];
  };
  // whisper's token times are estimates; they must at least lie inside their segment
  const clamp = (x: number): number => Math.min(seg.end, Math.max(seg.start, x));
  for (const raw of seg.tokens) {
    const t = { ...raw, start: clamp(raw.start), end: clamp(raw.end) };
    tokens.push(t);
    if (SENTENCE_END.test(t.text.trim())) flush();
  }
  flush();
  // the tokens must spell the segment's text, or whisper's segment is kept as it is
  const squash = (t: string): string => t.replace(/\s+/g, '');
  if (squash(out.map((s) => s.text).join('')) !== squash(seg.text)) return [seg];
  const last = out[out.length - 1];
  if (last) last.end = Math.max(last.end, seg.end);
  return out;
}
