import { SAMPLE_RATE } from '../audio/wavHeader';
import { roundToMs } from '../common/roundToMs';
import type { EngineNotice, TranscriptSegment, TranscriptToken } from '../common/transcript';
import type { RawSegment } from '../whisper/parseWhisperJson';
import { guardSegments, hasLanguageDrift } from './hallucinationGuards';
import type { PieceResult } from './decodeStage';
import { rangeToRecording, type Piece } from './planPieces';
import { splitSentences } from './splitSentences';

export type { PieceResult } from './decodeStage';

/**
 * Pure: pieces' whisper output → the recording's timed segments. Text read from holes
 * joins its piece's text; holes nobody could read become `unheard` segments. Every
 * removal, re-decoding and unheard stretch is a notice.
 */
export function assembleTranscript(results: PieceResult[]): { segments: TranscriptSegment[]; notices: EngineNotice[] } {
  const segments: TranscriptSegment[] = [];
  const notices: EngineNotice[] = [];
  for (const result of results) {
    const { piece, retried } = result;
    for (const reading of [result, ...(result.covers ?? [])]) {
      const map = mapper(reading.piece);
      const guarded = guardSegments(reading.raw);
      for (const s of guarded.phantoms) notices.push({ kind: 'phantom-removed', ...map.seconds(s), detail: s.text });
      for (const s of guarded.loops) notices.push({ kind: 'loop-removed', ...map.seconds(s), detail: s.text });
      for (const s of guarded.kept.filter((x) => hasLanguageDrift(x.text)))
        notices.push({ kind: 'language-drift', ...map.seconds(s), detail: s.text });
      if (reading !== result) {
        notices.push({
          kind: 'region-redecoded',
          ...extent(reading.piece),
          detail: 'speech without text in the first reading: decoded again on its own',
        });
      }
      for (const s of reading.segments) if (s.text) segments.push(...splitSentences(map.segment(s)));
    }
    if (retried) {
      const kind = result.drift ? 'language-drift' : 'piece-retried';
      const detail = result.drift
        ? 'the first reading left Japanese: decoded again without the prompt'
        : 'doubtful first reading: decoded again with beam search';
      notices.push({ kind, ...extent(piece), detail });
    }
    for (const hole of result.unheard ?? []) {
      const { start, end } = extent(hole);
      segments.push({ id: 0, start, end, speaker: null, text: '', tokens: [], unheard: true });
      notices.push({ kind: 'unheard', start, end, detail: 'speech no decoding turned into text: listen to it' });
    }
  }
  segments.sort((a, b) => a.start - b.start || a.end - b.end);
  segments.forEach((s, i) => {
    s.id = i;
  });
  return { segments, notices };
}

/** Recording seconds from the first to the last sample of a piece. */
function extent(piece: Piece): { start: number; end: number } {
  const first = piece.spans[0];
  const last = piece.spans[piece.spans.length - 1];
  return {
    start: roundToMs((first?.from ?? 0) / SAMPLE_RATE),
    end: roundToMs(((last?.from ?? 0) + (last?.length ?? 0)) / SAMPLE_RATE),
  };
}

function mapper(piece: Piece): {
  seconds: (s: { startMs: number; endMs: number }) => { start: number; end: number };
  segment: (s: RawSegment) => TranscriptSegment;
} {
  const toRecording = (startMs: number, endMs: number): [number, number] => {
    const [a, b] = rangeToRecording(piece, msToSamples(startMs), msToSamples(endMs), JOIN_SNAP);
    return [roundToMs(a / SAMPLE_RATE), roundToMs(b / SAMPLE_RATE)];
  };
  return {
    seconds: (s) => {
      const [start, end] = toRecording(s.startMs, s.endMs);
      return { start, end };
    },
    segment: (s) => {
      const [start, end] = toRecording(s.startMs, s.endMs);
      return {
        id: 0,
        start,
        end,
        speaker: null,
        text: s.text,
        tokens: s.tokens.map((t, i): TranscriptToken => {
          const [tStart, tEnd] = toRecording(...wordTime(s, i));
          return { start: tStart, end: tEnd, text: t.text, p: Math.round(t.p * 1000) / 1000 };
        }),
      };
    },
  };
}

/** A word's time (ms): from its DTW time to the next word's when whisper-cli computed them, else whisper's estimate. */
function wordTime(s: RawSegment, i: number): [number, number] {
  const t = s.tokens[i];
  if (!t) return [s.startMs, s.startMs];
  if (t.dtwMs === undefined) return [t.startMs, t.endMs];
  const next = s.tokens[i + 1]?.dtwMs;
  const end = next !== undefined ? Math.max(t.dtwMs, next) : Math.max(t.dtwMs, Math.min(s.endMs, t.dtwMs + MAX_LAST_WORD_MS));
  return [t.dtwMs, end];
}

/** the last word of a segment lasts at most this long (ms) */
const MAX_LAST_WORD_MS = 600;

/** A range with less than this before a join belongs after it (samples; see rangeToRecording). */
const JOIN_SNAP = SAMPLE_RATE;

function msToSamples(ms: number): number {
  return Math.round((ms / 1000) * SAMPLE_RATE);
}
