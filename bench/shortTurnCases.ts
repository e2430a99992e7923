// Constructed short turns: a one-line turn of one voice put inside another voice's speech, from the
// corpus's own recordings (its reference times), so that the VAD hears one stretch of speech.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpeakerTurn } from '../native/common/speakers';
import { corpusDir } from '../native/eval/corpus';

interface Segment {
  speaker: string;
  start: number;
  end: number;
  text: string;
}

/** One case: `y` (a long turn of the short turn's voice) first, then `x` cut in half with `b` (the short turn) between. */
export interface ShortTurnCase {
  meeting: string;
  b: Segment;
  y: Segment;
  x: Segment;
  /** room noise from the same recording (a pause nobody speaks in), seconds */
  noise: [number, number];
}

/** The layout: [from, to] of the source, then this much room noise after it. */
export type Piece = [number, number, number];

/** Pause between the halves of x and the short turn: under the VAD's 0.3 s, so one stretch of speech. */
export const GAP_S = 0.1;
/** The short turn is cut this much wide of its reference times (they are to the millisecond, the voice's edges are not). */
const CONTEXT_S = 0.02;

/**
 * Every turn of 0.6–1.4 s in `meeting` that overlaps no other (a chorus and backchannels left out), with
 * the longest turn (≥ 6 s) of the same voice and the longest (≥ 10 s) of another voice.
 */
export function shortTurnCases(meeting: string): ShortTurnCase[] {
  const reference = JSON.parse(readFileSync(join(corpusDir() ?? '', meeting, 'reference.json'), 'utf8')) as { segments: Segment[] };
  const segments = [...reference.segments].sort((a, b) => a.start - b.start);
  const alone = (s: Segment): boolean => !segments.some((o) => o !== s && o.start < s.end && o.end > s.start);
  const longest = (keep: (s: Segment) => boolean, min: number): Segment | undefined =>
    segments.filter((s) => keep(s) && s.end - s.start >= min && alone(s)).sort((p, q) => q.end - q.start - (p.end - p.start))[0];
  const noise = quietestPause(segments);
  const out: ShortTurnCase[] = [];
  for (const b of segments) {
    const d = b.end - b.start;
    if (d < 0.6 || d > 1.4 || !alone(b)) continue;
    const y = longest((s) => s.speaker === b.speaker, 6);
    const x = longest((s) => s.speaker !== b.speaker, 10);
    if (y && x && noise) out.push({ meeting, b, y, x, noise });
  }
  return out;
}

/** The middle of the longest pause between turns: the room with nobody speaking. */
function quietestPause(segments: Segment[]): [number, number] | null {
  let best: [number, number] | null = null;
  let end = 0;
  for (const s of segments) {
    if (s.start - end > 0.6 && (!best || s.start - end - 0.3 > best[1] - best[0])) best = [end + 0.15, s.start - 0.15];
    end = Math.max(end, s.end);
  }
  return best;
}

export function layoutOf(c: ShortTurnCase): Piece[] {
  const mid = (c.x.start + c.x.end) / 2;
  return [
    [c.y.start, c.y.end, 1.0],
    [c.x.start, mid, GAP_S],
    [c.b.start - CONTEXT_S, c.b.end + CONTEXT_S, GAP_S],
    [mid, c.x.end, 0],
  ];
}

/** Writes the case as 16 kHz mono s16le PCM (ffmpeg); returns where its four parts lie, in seconds (b: the turn as spoken). */
export function buildShortTurnCase(
  c: ShortTurnCase,
  pcmPath: string,
): { y: SpeakerTurn; x1: SpeakerTurn; b: SpeakerTurn; x2: SpeakerTurn } {
  const layout = layoutOf(c);
  const audio = join(corpusDir() ?? '', c.meeting, 'audio.flac');
  const [n0, n1] = c.noise;
  const filters: string[] = [];
  const parts: string[] = [];
  layout.forEach(([from, to, pause], i) => {
    filters.push(`[0:a]atrim=${from}:${to},asetpts=PTS-STARTPTS[s${i}]`);
    parts.push(`[s${i}]`);
    if (pause > 0) {
      // room noise, looped when the pause is longer than the quiet stretch
      filters.push(
        `[0:a]atrim=${n0}:${n1},asetpts=PTS-STARTPTS,aloop=loop=-1:size=${Math.round((n1 - n0) * 16000)},atrim=0:${pause}[n${i}]`,
      );
      parts.push(`[n${i}]`);
    }
  });
  const graph = `${filters.join(';')};${parts.join('')}concat=n=${parts.length}:v=0:a=1[out]`;
  const r = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    audio,
    '-filter_complex',
    graph,
    '-map',
    '[out]',
    '-ar',
    '16000',
    '-ac',
    '1',
    '-f',
    's16le',
    pcmPath,
  ]);
  if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr.toString()}`);
  const at: SpeakerTurn[] = [];
  let t = 0;
  for (const [i, [from, to, pause]] of layout.entries()) {
    at.push({ start: t, end: t + to - from, speaker: ['y', 'x', 'b', 'x'][i] ?? '' });
    t += to - from + pause;
  }
  const b = at[2] as SpeakerTurn;
  return {
    y: at[0] as SpeakerTurn,
    x1: at[1] as SpeakerTurn,
    b: { ...b, start: b.start + CONTEXT_S, end: b.end - CONTEXT_S },
    x2: at[3] as SpeakerTurn,
  };
}

/** The id that covers most of `part` in `turns`. */
export function idOver(turns: SpeakerTurn[], part: SpeakerTurn): string | null {
  const time = new Map<string, number>();
  for (const t of turns) {
    const o = Math.min(part.end, t.end) - Math.max(part.start, t.start);
    if (o > 0) time.set(t.speaker, (time.get(t.speaker) ?? 0) + o);
  }
  return [...time.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
