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
  for (const seg of transcript.segments) {
    for (const piece of splitAtChanges(seg, turns)) segments.push({ ...piece, speaker: dominantSpeaker(piece, turns) });
  }
  segments.forEach((s, i) => { s.id = i; });
  const speakers = diarization.speakers.map((c) => ({ id: c.id, label: c.id, seconds: c.seconds }));
  return { ...transcript, segments, speakers };
}

/** Turn boundaries inside the segment where the voice changes, as split points at token boundaries. */
function splitAtChanges(seg: TranscriptSegment, turns: SpeakerTurn[]): TranscriptSegment[] {
  const tokens = seg.tokens;
  if (tokens.length < 2) return [seg];
  const changes: number[] = [];
  for (let i = 0; i + 1 < turns.length; i++) {
    const a = turns[i] as SpeakerTurn;
    const b = turns[i + 1] as SpeakerTurn;
    if (a.speaker === b.speaker) continue;
    // the change point: the middle of the pause between the turns (or the overlap)
    const at = (a.end + b.start) / 2;
    if (at > seg.start && at < seg.end) changes.push(at);
  }
  if (changes.length === 0) return [seg];
  // boundary k lies between tokens[k-1] and tokens[k]
  const cuts = new Set<number>();
  for (const at of changes) {
    let best = -1;
    let bestD = Infinity;
    for (let k = 1; k < tokens.length; k++) {
      const edge = ((tokens[k - 1] as TranscriptToken).end + (tokens[k] as TranscriptToken).start) / 2;
      const d = Math.abs(edge - at);
      if (d < bestD) { bestD = d; best = k; }
    }
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
    const text = part.map((t) => t.text).join('').trim();
    if (!text) continue;
    const { clean: _clean, ...rest } = seg;
    pieces.push({ ...rest, start: first.start, end: last.end, text, tokens: part });
  }
  return pieces.length > 0 ? pieces : [seg];
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
    if (d < nearestD) { nearestD = d; nearest = t.speaker; }
  }
  let best: string | null = null;
  let bestO = 0;
  for (const [speaker, o] of overlap) if (o > bestO) { bestO = o; best = speaker; }
  return best ?? nearest;
}
