import type { RawSegment, RawToken } from '../whisper/parseWhisperJson';
import type { SpeechRegion } from '../vad/detectSpeech';
import type { Piece } from './planPieces';

/**
 * Whisper sometimes stops writing part-way through a piece, or loses its place and
 * smears the last few characters over the rest of the audio; the speech after that
 * point gets no text. These pure checks find such holes: stretches of detected
 * speech that no reliably timed word covers.
 */

/** milliseconds */
export interface Interval {
  start: number;
  end: number;
}

export interface CoverageSettings {
  /** a character spoken over longer than this was not heard but smeared over the audio (ms) */
  maxCharMs: number;
  /** a word's time may be off by this much either way (ms) */
  slackMs: number;
  /** inside a sentence, the pause between two words may be this long and still be part of it (slow speakers; ms) */
  maxWordGapMs: number;
  /** speech left without text for at least this long is a hole (ms) */
  minHoleMs: number;
  /** holes closer than this are one hole (ms) */
  joinMs: number;
}

export const DEFAULT_COVERAGE: CoverageSettings = { maxCharMs: 700, slackMs: 500, maxWordGapMs: 3000, minHoleMs: 900, joinMs: 1500 };

/** The time of a token whisper could place: its DTW time when there is one, else its own. */
export function tokenTime(t: RawToken): Interval {
  if (t.dtwMs !== undefined) return { start: t.dtwMs, end: t.dtwMs };
  return { start: t.startMs, end: t.endMs };
}

function isWord(t: RawToken): boolean {
  return /[\p{L}\p{N}]/u.test(t.text);
}

/**
 * Piece-time intervals that reliably timed words cover (each widened by the slack), and the
 * pauses between two words of one sentence. A sentence end is where whisper may have skipped
 * what someone else said, so the time between sentences is covered by nothing but the slack.
 */
export function coveredIntervals(segments: RawSegment[], s: CoverageSettings = DEFAULT_COVERAGE): Interval[] {
  const spans: Interval[] = [];
  for (const seg of segments) {
    let previous: Interval | null = null;
    let sentenceEnded = true;
    for (const t of seg.tokens) {
      if (!isWord(t)) {
        if (SENTENCE_END.test(t.text)) sentenceEnded = true;
        continue;
      }
      const time = tokenTime(t);
      const chars = Math.max(1, [...t.text.trim()].length);
      if (time.end - time.start > s.maxCharMs * chars) {
        previous = null;
        continue;
      }
      spans.push({ start: time.start - s.slackMs, end: time.end + s.slackMs });
      if (previous && !sentenceEnded && time.start - previous.end <= s.maxWordGapMs) spans.push({ start: previous.end, end: time.start });
      previous = time;
      sentenceEnded = SENTENCE_END.test(t.text);
    }
  }
  return mergeIntervals(spans, 0);
}

const SENTENCE_END = /[。？！?!]/u;

/** The speech regions of the recording that fall in a piece, in piece time (ms). */
export function speechInPiece(piece: Piece, regions: SpeechRegion[], sampleRate: number): Interval[] {
  const out: Interval[] = [];
  for (const span of piece.spans) {
    const from = span.from;
    const to = span.from + span.length;
    for (const r of regions) {
      if (r.end <= from || r.start >= to) continue;
      const a = Math.max(r.start, from) - from + span.at;
      const b = Math.min(r.end, to) - from + span.at;
      out.push({ start: (a / sampleRate) * 1000, end: (b / sampleRate) * 1000 });
    }
  }
  return mergeIntervals(out, 0);
}

/** Speech (piece time, ms) that no reliably timed word covers, joined and at least minHoleMs long. */
export function findHoles(speech: Interval[], covered: Interval[], s: CoverageSettings = DEFAULT_COVERAGE): Interval[] {
  const bare: Interval[] = [];
  for (const sp of speech) {
    let cursor = sp.start;
    for (const c of covered) {
      if (c.end <= cursor || c.start >= sp.end) continue;
      if (c.start > cursor) bare.push({ start: cursor, end: c.start });
      cursor = Math.max(cursor, c.end);
    }
    if (cursor < sp.end) bare.push({ start: cursor, end: sp.end });
  }
  // join what is near, counting only the speech inside, then keep what is long enough
  const joined: (Interval & { speech: number })[] = [];
  for (const b of bare) {
    const last = joined[joined.length - 1];
    if (last && b.start - last.end < s.joinMs) {
      last.end = b.end;
      last.speech += b.end - b.start;
    } else {
      joined.push({ ...b, speech: b.end - b.start });
    }
  }
  return joined.filter((h) => h.speech >= s.minHoleMs).map(({ start, end }) => ({ start, end }));
}

export function mergeIntervals(list: Interval[], gap: number): Interval[] {
  const out: Interval[] = [];
  for (const i of [...list].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end + gap) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}
