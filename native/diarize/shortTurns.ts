import { SAMPLE_RATE } from '../audio/wavHeader';
import type { LabelledSpan } from './buildTurns';
import { cosine } from './clusterEmbeddings';
import type { DiarizeSettings } from './diarize';

/** The settings the short-turn search reads (described in DiarizeSettings). */
export type ShortTurnSettings = Pick<DiarizeSettings, 'turnScanS' | 'turnDipDb' | 'turnDipShare' | 'turnDipS' | 'turnMinS' | 'turnMaxS'>;

const FRAME = Math.round(0.01 * SAMPLE_RATE);

/**
 * Where a short turn may hide inside a stretch of speech the VAD heard as one (a
 * 「はい。」 or the chair's 「３番。」 with less than the VAD's pause either side):
 * the speech between two brief dips in loudness (at least `turnDipS` long,
 * `turnDipDb` below the stretch's loud frames, or `turnDipShare` of the way down to
 * its quietest frames where the room is noisier than that), alone or with its neighbour, when
 * it lasts `turnMinS`…`turnMaxS`. Each candidate is embedded and becomes a turn
 * only when it sounds like another voice (diarize.ts). Offsets in samples from the
 * start of `samples`; stretches shorter than `turnScanS` are not searched.
 */
export function shortTurnCandidates(samples: Float32Array, s: ShortTurnSettings): { start: number; end: number }[] {
  if (samples.length < s.turnScanS * SAMPLE_RATE) return [];
  const frames = Math.floor(samples.length / FRAME);
  const db = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let e = 0;
    for (let i = f * FRAME; i < (f + 1) * FRAME; i++) e += (samples[i] ?? 0) ** 2;
    db[f] = 10 * Math.log10(e / FRAME + 1e-12);
  }
  const sorted = [...db].sort((a, b) => a - b);
  const loud = sorted[Math.floor(frames * 0.95)] ?? 0;
  const floor = sorted[Math.floor(frames * 0.05)] ?? 0;
  // in a noisy room the pauses lie less than turnDipDb below the speech: part of the way down to the noise then
  const quiet = loud - Math.min(s.turnDipDb, (loud - floor) * s.turnDipShare);
  const minDip = Math.max(1, Math.round((s.turnDipS * SAMPLE_RATE) / FRAME));
  // speech stretches between dips, in frames
  const stretches: { from: number; to: number }[] = [];
  let from = 0;
  let f = 0;
  while (f < frames) {
    if ((db[f] ?? 0) >= quiet) {
      f++;
      continue;
    }
    let g = f;
    while (g < frames && (db[g] ?? 0) < quiet) g++;
    if (g - f >= minDip) {
      if (f > from) stretches.push({ from, to: f });
      from = g;
    }
    f = g;
  }
  if (frames > from) stretches.push({ from, to: frames });
  const out: { start: number; end: number }[] = [];
  const fits = (a: number, b: number): boolean => {
    const seconds = ((b - a) * FRAME) / SAMPLE_RATE;
    return seconds >= s.turnMinS && seconds <= s.turnMaxS && !(a === 0 && b >= frames);
  };
  stretches.forEach((one, k) => {
    if (fits(one.from, one.to)) out.push({ start: one.from * FRAME, end: one.to * FRAME });
    const two = stretches[k + 1];
    if (two && fits(one.from, two.to)) out.push({ start: one.from * FRAME, end: two.to * FRAME });
  });
  return out;
}

/** A candidate short turn (samples), embedded; `span`: the window (index) or piece (windows.length + index) it lies in. */
export interface ShortTurn {
  span: number;
  start: number;
  end: number;
  embedding: Float32Array;
}

/**
 * Spans (each with its source window or piece) cut where a short-turn candidate sounds like another
 * voice: at least `turnAlike` like that voice's mean and `turnMargin` more than like the span's own
 * voice. A chorus span is left alone. Overlapping candidates: the clearer one wins.
 */
export function splitAtShortTurns(
  spans: LabelledSpan[],
  source: number[],
  turns: ShortTurn[],
  voices: Float32Array[],
  s: Pick<DiarizeSettings, 'turnAlike' | 'turnMargin'>,
): LabelledSpan[] {
  const bySource = new Map<number, { start: number; end: number; cluster: number; margin: number; embedding: Float32Array }[]>();
  for (const t of turns) {
    const k = source.indexOf(t.span);
    const span = spans[k];
    if (!span || span.cluster >= voices.length || (voices[span.cluster]?.length ?? 0) === 0) continue;
    const own = cosine(t.embedding, voices[span.cluster] as Float32Array);
    let best = -1;
    let bv = -Infinity;
    voices.forEach((v, c) => {
      if (c === span.cluster || v.length === 0) return;
      const sim = cosine(t.embedding, v);
      if (sim > bv) {
        bv = sim;
        best = c;
      }
    });
    if (best < 0 || bv < s.turnAlike || bv - own < s.turnMargin) continue;
    const list = bySource.get(k) ?? [];
    list.push({ start: t.start / SAMPLE_RATE, end: t.end / SAMPLE_RATE, cluster: best, margin: bv - own, embedding: t.embedding });
    bySource.set(k, list);
  }
  const out: LabelledSpan[] = [];
  spans.forEach((span, k) => {
    const found = (bySource.get(k) ?? []).sort((a, b) => b.margin - a.margin);
    const kept: typeof found = [];
    for (const f of found) if (kept.every((o) => f.end <= o.start || f.start >= o.end)) kept.push(f);
    if (kept.length === 0) {
      out.push(span);
      return;
    }
    let at = span.start;
    for (const f of kept.sort((a, b) => a.start - b.start)) {
      if (f.start > at) out.push({ ...span, start: at, end: f.start });
      out.push({ start: f.start, end: f.end, cluster: f.cluster, embedding: f.embedding });
      at = f.end;
    }
    if (span.end > at) out.push({ ...span, start: at, end: span.end });
  });
  return out;
}
