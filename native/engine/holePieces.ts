import type { RawSegment, RawToken } from '../whisper/parseWhisperJson';
import { tokenTime, type Interval } from './coverage';
import type { Piece, Span } from './planPieces';

const MIN_HOLE_PIECE_MS = 1500;

/**
 * A hole (piece time, ms) as a piece of its own: the same recording spans,
 * widened by `padMs` on each side within the piece, laid end to end.
 */
export function holePiece(parent: Piece, hole: Interval, index: number, padMs: number, sampleRate: number): Piece {
  // whisper.cpp decodes nothing shorter than a second: a short hole takes more of its surroundings
  const pad = Math.max(padMs, (MIN_HOLE_PIECE_MS - (hole.end - hole.start)) / 2);
  const a = Math.max(0, Math.round(((hole.start - pad) / 1000) * sampleRate));
  const b = Math.min(parent.length, Math.round(((hole.end + pad) / 1000) * sampleRate));
  const spans: Span[] = [];
  let at = 0;
  for (const span of parent.spans) {
    const from = Math.max(a, span.at);
    const to = Math.min(b, span.at + span.length);
    if (to <= from) continue;
    spans.push({ from: span.from + (from - span.at), at, length: to - from });
    at += to - from;
  }
  return { index, spans, length: at };
}

const midpoint = (t: RawToken): number => {
  const i = tokenTime(t);
  return (i.start + i.end) / 2;
};

/**
 * Removes the words whisper placed inside the holes (their text is replaced by the
 * holes' own decoding), and up to `tailMs` after each: words smeared over a hole end
 * just past it. A segment with words on both sides of a hole becomes two.
 */
export function cutHoles(segments: RawSegment[], holes: Interval[], tailMs: number): RawSegment[] {
  if (holes.length === 0) return segments;
  const inHole = (t: RawToken): number => holes.findIndex((h) => midpoint(t) >= h.start && midpoint(t) < h.end + tailMs);
  const out: RawSegment[] = [];
  for (const seg of segments) {
    let run: RawToken[] = [];
    const flush = (): void => {
      const text = run
        .map((t) => t.text)
        .join('')
        .trim();
      const first = run[0];
      const last = run[run.length - 1];
      if (text && first && last)
        out.push({ startMs: Math.max(seg.startMs, first.startMs), endMs: Math.min(seg.endMs, last.endMs), text, tokens: run });
      run = [];
    };
    if (!seg.tokens.some((t) => inHole(t) >= 0)) {
      out.push(seg);
      continue;
    }
    for (const t of seg.tokens) {
      if (inHole(t) >= 0) flush();
      else run.push(t);
    }
    flush();
  }
  return out;
}

/** Words of a piece's reading that fall inside a hole. */
export function wordsInHole(segments: RawSegment[], hole: Interval): number {
  return segments
    .flatMap((s) => s.tokens)
    .filter((t) => /[\p{L}\p{N}]/u.test(t.text) && midpoint(t) >= hole.start && midpoint(t) < hole.end).length;
}
