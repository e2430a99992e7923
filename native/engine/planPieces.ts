import type { SpeechRegion } from '../vad/detectSpeech';

/**
 * A piece is what whisper decodes in one go: speech regions cut out of the
 * recording and laid end to end, at most one 30-second window long, so no
 * silence reaches the model and every encoder pass is full of speech.
 * A span maps piece time back to recording time.
 */
export interface Span {
  /** sample offset in the recording */
  from: number;
  /** sample offset in the piece */
  at: number;
  length: number;
}

export interface Piece {
  index: number;
  spans: Span[];
  /** samples */
  length: number;
}

export interface PlanSettings {
  /** samples of context kept on each side of a speech region */
  pad: number;
  /** longest piece, samples */
  maxPiece: number;
  /** how far back from a full piece's end to look for a long pause, samples */
  lookback: number;
}

/**
 * Pure: VAD regions (in samples) → pieces. Each region is padded by up to
 * `pad` on each side, never past the middle of the pause to its neighbour, so
 * regions stay whole. A full piece is cut at the longest pause in its last
 * `lookback` samples: whisper does best when a piece starts with a sentence.
 */
export function planPieces(regions: SpeechRegion[], totalSamples: number, s: PlanSettings): Piece[] {
  const units = padRegions(regions, totalSamples, s.pad).flatMap((r) =>
    splitLong(r, s.maxPiece).map((part, k) => ({ ...part, gapBefore: k === 0 ? r.gapBefore : 0 })),
  );
  const pieces: Piece[] = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    let length = 0;
    while (j < units.length && length + size(units[j]) <= s.maxPiece) length += size(units[j++]);
    if (j === i) j = i + 1;
    if (j < units.length) j = bestCut(units, i, j, s.maxPiece - s.lookback);
    pieces.push(makePiece(pieces.length, units.slice(i, j)));
    i = j;
  }
  return pieces;
}

interface Unit extends SpeechRegion {
  gapBefore: number;
}

const size = (u: Unit | undefined): number => (u ? u.end - u.start : 0);

/** The unit index in (i, j] to start the next piece at: the longest pause once the piece is long enough. */
function bestCut(units: Unit[], i: number, j: number, minLength: number): number {
  let best = j;
  let bestGap = units[j]?.gapBefore ?? 0;
  let length = 0;
  for (let k = i + 1; k < j; k++) {
    length += size(units[k - 1]);
    const gap = units[k]?.gapBefore ?? 0;
    if (length >= minLength && gap > bestGap) {
      best = k;
      bestGap = gap;
    }
  }
  return best;
}

function makePiece(index: number, units: Unit[]): Piece {
  const spans: Span[] = [];
  let length = 0;
  for (const u of units) {
    const last = spans[spans.length - 1];
    if (last && last.from + last.length === u.start) last.length += size(u);
    else spans.push({ from: u.start, at: length, length: size(u) });
    length += size(u);
  }
  return { index, spans, length };
}

function padRegions(regions: SpeechRegion[], total: number, pad: number): Unit[] {
  const sorted = mergeRegions(regions.filter((r) => r.end > r.start));
  return sorted.map((r, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const start = prev ? Math.max(r.start - pad, Math.ceil((prev.end + r.start) / 2)) : Math.max(0, r.start - pad);
    const end = next ? Math.min(r.end + pad, Math.ceil((r.end + next.start) / 2)) : Math.min(total, r.end + pad);
    return { start, end, gapBefore: prev ? r.start - prev.end : Number.MAX_SAFE_INTEGER };
  });
}

/** The whole recording as pieces, for --no-vad. */
export function planWithoutVad(totalSamples: number, maxPiece: number): Piece[] {
  return planPieces([{ start: 0, end: totalSamples }], totalSamples, { pad: 0, maxPiece, lookback: 0 });
}

function mergeRegions(regions: SpeechRegion[]): SpeechRegion[] {
  const out: SpeechRegion[] = [];
  for (const r of [...regions].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function splitLong(r: SpeechRegion, max: number): SpeechRegion[] {
  const parts: SpeechRegion[] = [];
  const count = Math.ceil((r.end - r.start) / max);
  const step = Math.ceil((r.end - r.start) / count);
  for (let start = r.start; start < r.end; start += step) parts.push({ start, end: Math.min(r.end, start + step) });
  return parts;
}

/** Piece time (samples) → recording time (samples). Times in a join snap to the nearer side. */
export function pieceToRecording(piece: Piece, t: number): number {
  let best = piece.spans[0];
  for (const span of piece.spans) {
    if (t >= span.at) best = span;
    else break;
  }
  if (!best) return t;
  return best.from + Math.min(Math.max(0, t - best.at), best.length);
}

/**
 * A piece-time range → recording time. Whisper's timestamps are coarse: a word
 * that starts a new span is often stamped from the silence padding before the
 * join, which would put it in the pause (or recess) before it. A range that
 * crosses a join with less than `snap` of itself before the join starts at the join.
 */
export function rangeToRecording(piece: Piece, start: number, end: number, snap: number): [number, number] {
  let from = pieceToRecording(piece, start);
  const to = pieceToRecording(piece, Math.max(start, end));
  const next = piece.spans.find((s) => s.at > start && s.at < end);
  if (next && next.at - start < snap) from = next.from;
  return [from, Math.max(from, to)];
}

/** Groups pieces into chunks: one whisper-cli process each, one model load each. */
export function chunkPieces(pieces: Piece[], perChunk: number): Piece[][] {
  const chunks: Piece[][] = [];
  for (let i = 0; i < pieces.length; i += perChunk) chunks.push(pieces.slice(i, i + perChunk));
  return chunks;
}

/** The parts of speech regions that no piece holds (the pieces came from one VAD, and another heard more). Pure. */
export function orphanSpeech(regions: SpeechRegion[], pieces: Piece[], minLength: number): SpeechRegion[] {
  const held = pieces.flatMap((p) => p.spans.map((x) => ({ start: x.from, end: x.from + x.length }))).sort((a, b) => a.start - b.start);
  const orphans: SpeechRegion[] = [];
  for (const r of regions) {
    let cursor = r.start;
    for (const h of held) {
      if (h.end <= cursor || h.start >= r.end) continue;
      if (h.start > cursor) orphans.push({ start: cursor, end: h.start });
      cursor = Math.max(cursor, h.end);
    }
    if (cursor < r.end) orphans.push({ start: cursor, end: r.end });
  }
  return orphans.filter((o) => o.end - o.start >= minLength);
}

/**
 * Orphan speech planned as pieces like any speech — packed together, so a stretch broken into
 * fragments is heard with its context — and numbered from `firstIndex`. Pure.
 */
export function piecesForOrphans(orphans: SpeechRegion[], firstIndex: number, s: PlanSettings & { totalSamples: number }): Piece[] {
  return planPieces(orphans, s.totalSamples, s).map((p) => ({ ...p, index: firstIndex + p.index }));
}
