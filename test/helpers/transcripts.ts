// Transcript builders for tests: what the engine hands the store (Transcript v1), built from
// lines, from token pieces, or from a corpus meeting's reference. One place for the shape.
import type { Segment } from '../../native/common/api';
import type { Transcript, TranscriptSegment, TranscriptToken } from '../../native/common/transcript';
import { loadMeeting } from '../../native/eval/corpus';

export interface TranscriptAudio {
  path?: string;
  duration?: number;
  /** model.name: 'reference', 'seeded' … */
  model?: string;
}

/** A Transcript v1 around these segments (no timing, no notices). */
export function transcriptOf(segments: TranscriptSegment[], audio: TranscriptAudio = {}): Transcript {
  const duration = audio.duration ?? Math.ceil(Math.max(0, ...segments.map((s) => s.end)));
  return {
    version: 1,
    audio: { path: audio.path ?? '', duration, truncated: null },
    model: { path: '', name: audio.model ?? '' },
    language: 'ja',
    segments,
    timing: { decode_s: 0, vad_s: 0, asr_s: 0, total_s: 0 },
    notices: [],
  };
}

/** One line of `seconds` with no tokens (the text was typed or does not matter). */
export function line(id: number, start: number, speaker: string | null, text: string, seconds = 5): TranscriptSegment {
  return { id, start, end: start + seconds, speaker, text, tokens: [] };
}

/** Tokens that spell `pieces.join('')`, each `step` seconds long from `start`. */
export function tokensFor(pieces: string[], start: number, step = 0.5): TranscriptToken[] {
  return pieces.map((text, i) => ({ start: start + i * step, end: start + (i + 1) * step, text, p: 0.9 }));
}

/** A line whose tokens spell its text, half a second each. */
export function tokenLine(id: number, pieces: string[], start: number, speaker: string | null): TranscriptSegment {
  return { id, start, end: start + pieces.length * 0.5, speaker, text: pieces.join(''), tokens: tokensFor(pieces, start) };
}

/** Four segments: S1 opens, S2 answers, S1 again, then one with no speaker and no tokens. */
export function sampleTranscript(): Transcript {
  const t = transcriptOf(
    [
      tokenLine(0, ['ただ', '今', 'から', '本', '会議', 'を', '開き', 'ます', '。'], 1, 'S1'),
      tokenLine(1, ['議長', '、', '12', '番', '鈴木', '議員', '。'], 10, 'S2'),
      tokenLine(2, ['鈴木', '議員', 'の', '質問', 'を', '許し', 'ます', '。'], 20, 'S1'),
      line(3, 30, null, '（休憩）ABC abc', 10),
    ],
    { path: '/recordings/本会議.flac', duration: 3600.5, model: 'base' },
  );
  t.model.path = '/models/ggml-base.bin';
  t.timing = { decode_s: 1, vad_s: 1, asr_s: 1, total_s: 3 };
  return t;
}

/** A corpus meeting's reference as the engine would deliver it: its lines and (optionally) its speakers, no tokens. */
export function referenceTranscript(name: string, opts: { speakers?: boolean } = {}): Transcript {
  const ref = loadMeeting(name);
  const segments = ref.segments.map((s, i): TranscriptSegment => ({
    id: i,
    start: s.start,
    end: s.end,
    speaker: opts.speakers === false ? null : s.speaker,
    text: s.text,
    tokens: [],
  }));
  return transcriptOf(segments, { path: ref.audio, duration: 140, model: 'reference' });
}

/** A stored segment as the page gets it (TranscriptView), for the renderer's unit tests. */
export function segmentRow(id: number, start: number, speakerId: number | null, text: string, tokens: TranscriptToken[] = []): Segment {
  return { id, meetingId: 1, seq: id, start, end: start + 5, speakerId, text, tokens };
}
