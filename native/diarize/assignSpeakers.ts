import type { DiarizationResult, SpeakerTurn } from '../common/speakers';
import type { Transcript, TranscriptSegment, TranscriptToken } from '../common/transcript';

/**
 * Gives every transcript segment a speaker. A segment that spans a speaker
 * change is split at the token boundary nearest the change; the pieces keep
 * their tokens (with their times) and their text is re-joined from them.
 * Segments are renumbered 0..n-1 in time order.
 */
export function assignSpeakers(transcript: Transcript, diarization: DiarizationResult): Transcript {
  const turns = [...diarization.turns].sort((a, b) => a.start - b.start);
  const segments: TranscriptSegment[] = [];
  for (const seg of joinBrokenSentences(transcript.segments, turns)) {
    for (const piece of splitAtChanges(seg, turns)) segments.push({ ...piece, speaker: dominantSpeaker(piece, turns) });
  }
  segments.forEach((s, i) => {
    s.id = i;
  });
  // embeddings rounded to 4 decimals: cosine similarity moves by < 1e-4, the JSON stays small
  const speakers = diarization.speakers.map((c) => ({
    id: c.id,
    label: c.id,
    seconds: c.seconds,
    embedding: c.embedding.map((x) => Math.round(x * 1e4) / 1e4),
  }));
  return { ...transcript, segments, speakers };
}

/** Where the voice changes: the middle of the pause between two turns of different voices (or of their overlap). */
function voiceChanges(turns: SpeakerTurn[]): number[] {
  const changes: number[] = [];
  for (let i = 0; i + 1 < turns.length; i++) {
    const a = turns[i] as SpeakerTurn;
    const b = turns[i + 1] as SpeakerTurn;
    if (a.speaker !== b.speaker) changes.push((a.end + b.start) / 2);
  }
  return changes;
}

/** Turn boundaries inside the segment where the voice changes, as split points at token boundaries. */
function splitAtChanges(seg: TranscriptSegment, turns: SpeakerTurn[]): TranscriptSegment[] {
  const tokens = seg.tokens;
  if (tokens.length < 2) return [seg];
  const changes = voiceChanges(turns).filter((at) => at > seg.start && at < seg.end);
  if (changes.length === 0) return [seg];
  // boundary k lies between tokens[k-1] and tokens[k]
  const cuts = new Set<number>();
  for (const at of changes) {
    const best = cutNear(tokens, at);
    if (best > 0) cuts.add(best);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: TranscriptSegment[] = [];
  let from = 0;
  for (const cut of [...sorted, tokens.length]) {
    const part = tokens.slice(from, cut);
    from = cut;
    const first = part[0];
    const last = part[part.length - 1];
    if (!first || !last) continue;
    const text = part
      .map((t) => t.text)
      .join('')
      .trim();
    if (!text) continue;
    const { clean: _clean, ...rest } = seg;
    pieces.push({ ...rest, start: first.start, end: last.end, text, tokens: part });
  }
  return pieces.length > 0 ? absorbFragments(pieces) : [seg];
}

const SENTENCE_END = /[。．？！?!」』）)]$/u;
/** the longest pause inside one sentence whisper cut in two (「説明が終わ」…「りました。」) */
const SENTENCE_PAUSE_S = 2;

/**
 * whisper's segments end mid-word where its timestamps stray across a pause (「検討してま」「いります。」);
 * such pieces are one sentence again before anyone asks who said it. Where the voice changes as they meet,
 * only a word going on in hiragana (「してま」「いります。」) is joined: whisper often leaves out the 。 of a
 * question (「…聞いております」), and the answer that follows (「選考の基準そのものは…」) is another person's.
 */
function joinBrokenSentences(segments: TranscriptSegment[], turns: SpeakerTurn[]): TranscriptSegment[] {
  const changes = voiceChanges(turns);
  const out: TranscriptSegment[] = [];
  for (const seg of segments) {
    const prev = out[out.length - 1];
    const broken =
      prev &&
      !SENTENCE_END.test(prev.text.trim()) &&
      seg.start - prev.end <= SENTENCE_PAUSE_S &&
      prev.tokens.length > 0 &&
      seg.tokens.length > 0 &&
      (continuesWord(prev.text, seg.text) || !changes.some((at) => at >= prev.end - JITTER_S / 2 && at <= seg.start + JITTER_S / 2));
    if (prev && broken) out[out.length - 1] = joined(prev, seg);
    else out.push(seg);
  }
  return out;
}

function continuesWord(before: string, after: string): boolean {
  return /\p{Script=Hiragana}$/u.test(before.trim()) && /^\p{Script=Hiragana}/u.test(after.trim());
}

/** whisper's token times and the voice change both wander by about this much (seconds) */
const JITTER_S = 1.2;
const CLAUSE_END = /[。．？！?!、，]$/u;
/** a piece shorter than this is a fragment of its neighbour's sentence, not a turn */
const MIN_PIECE_CHARS = 4;

/**
 * Where to cut for a change at `at`: after 。 or 、 within the jitter, because a speaker hands over
 * at a sentence end, not inside a word (a pause between whisper's tokens is no sign: its times stray
 * across pauses). 0 (no cut: the sentence goes
 * to the voice that has most of it) when there is none, or the change is at the segment's edge.
 */
function cutNear(tokens: TranscriptToken[], at: number): number {
  const first = tokens[0] as TranscriptToken;
  const last = tokens[tokens.length - 1] as TranscriptToken;
  if (at - first.start < JITTER_S / 2 || last.end - at < JITTER_S / 2) return 0;
  let natural = 0;
  let naturalD = Infinity;
  for (let k = 1; k < tokens.length; k++) {
    const before = tokens[k - 1] as TranscriptToken;
    const after = tokens[k] as TranscriptToken;
    const d = Math.abs((before.end + after.start) / 2 - at);
    if (CLAUSE_END.test(before.text.trim()) && d <= JITTER_S && d < naturalD) {
      naturalD = d;
      natural = k;
    }
  }
  return natural;
}

/** A piece of a few characters (「。」, 「銀。」) joins its neighbour: the cut was jitter, not a turn. */
function absorbFragments(pieces: TranscriptSegment[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev && [...p.text].length < MIN_PIECE_CHARS) out[out.length - 1] = joined(prev, p);
    else if (prev && [...prev.text].length < MIN_PIECE_CHARS) out[out.length - 1] = joined(prev, p);
    else out.push(p);
  }
  return out;
}

function joined(a: TranscriptSegment, b: TranscriptSegment): TranscriptSegment {
  const tokens = [...a.tokens, ...b.tokens];
  const { clean: _clean, ...rest } = a;
  return {
    ...rest,
    end: b.end,
    tokens,
    text: tokens
      .map((t) => t.text)
      .join('')
      .trim(),
  };
}

/** The voice that overlaps the segment most; between turns, the nearest one. */
function dominantSpeaker(seg: TranscriptSegment, turns: SpeakerTurn[]): string | null {
  const overlap = new Map<string, number>();
  let nearest: string | null = null;
  let nearestD = Infinity;
  for (const t of turns) {
    const o = Math.min(seg.end, t.end) - Math.max(seg.start, t.start);
    if (o > 0) overlap.set(t.speaker, (overlap.get(t.speaker) ?? 0) + o);
    const d = Math.max(0, t.start - seg.end, seg.start - t.end);
    if (d < nearestD) {
      nearestD = d;
      nearest = t.speaker;
    }
  }
  let best: string | null = null;
  let bestO = 0;
  for (const [speaker, o] of overlap)
    if (o > bestO) {
      bestO = o;
      best = speaker;
    }
  return best ?? nearest;
}
