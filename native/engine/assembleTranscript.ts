import { SAMPLE_RATE } from '../audio/wavHeader';
import { roundToMs } from '../common/roundToMs';
import type { EngineNotice, TranscriptSegment, TranscriptToken } from '../common/transcript';
import type { RawSegment, RawToken } from '../whisper/parseWhisperJson';
import { guardSegments } from './hallucinationGuards';
import { rangeToRecording, type Piece } from './planPieces';
import { splitSentences } from './splitSentences';

export interface PieceResult {
  piece: Piece;
  segments: RawSegment[];
  retried: boolean;
}

/** Pure: pieces' whisper output → the recording's timed segments, guarded against invented text. */
export function assembleTranscript(results: PieceResult[]): { segments: TranscriptSegment[]; notices: EngineNotice[] } {
  const segments: TranscriptSegment[] = [];
  const notices: EngineNotice[] = [];
  for (const { piece, segments: raw, retried } of results) {
    const toRecording = (startMs: number, endMs: number): [number, number] => {
      const [a, b] = rangeToRecording(piece, msToSamples(startMs), msToSamples(endMs), JOIN_SNAP);
      return [roundToMs(a / SAMPLE_RATE), roundToMs(b / SAMPLE_RATE)];
    };
    const guarded = guardSegments(raw);
    const span = (s: RawSegment): [number, number] => toRecording(s.startMs, s.endMs);
    for (const s of guarded.phantoms) notices.push({ kind: 'phantom-removed', start: span(s)[0], end: span(s)[1], detail: s.text });
    for (const s of guarded.loops) notices.push({ kind: 'loop-removed', start: span(s)[0], end: span(s)[1], detail: s.text });
    if (retried) {
      const first = piece.spans[0];
      const last = piece.spans[piece.spans.length - 1];
      if (first && last) {
        notices.push({ kind: 'piece-retried', start: roundToMs(first.from / SAMPLE_RATE),
          end: roundToMs((last.from + last.length) / SAMPLE_RATE), detail: 'doubtful first reading: decoded again with beam search' });
      }
    }
    for (const s of guarded.kept) {
      if (!s.text) continue;
      const [start, end] = span(s);
      segments.push(...splitSentences({
        id: 0,
        start,
        end,
        speaker: null,
        text: s.text,
        tokens: alignTokens(s.tokens, s.text).map((t): TranscriptToken => {
          const [tStart, tEnd] = toRecording(t.startMs, t.endMs);
          return { start: tStart, end: tEnd, text: t.text, p: Math.round(t.p * 1000) / 1000 };
        }),
      }));
    }
  }
  segments.sort((a, b) => a.start - b.start || a.end - b.end);
  segments.forEach((s, i) => { s.id = i; });
  return { segments, notices };
}

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

/** A range with less than this before a join belongs after it (samples; see rangeToRecording). */
const JOIN_SNAP = SAMPLE_RATE;

function msToSamples(ms: number): number {
  return Math.round((ms / 1000) * SAMPLE_RATE);
}
