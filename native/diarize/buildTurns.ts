import type { DiarizationResult, SpeakerTurn, VoiceCluster } from '../common/speakers';
import { centroidItem } from './clusterEmbeddings';

/** A stretch of speech with its voice cluster (0..k-1); seconds. */
export interface LabelledSpan {
  start: number;
  end: number;
  cluster: number;
  embedding: Float32Array | null;
}

/**
 * Spans → turns: one voice's spans are joined across pauses up to `fillGapS`
 * (a speaker's breath is not a turn end); clusters are named S1, S2 … in
 * order of first appearance, with their speaking time and mean embedding.
 */
export function buildTurns(spans: LabelledSpan[], fillGapS: number): DiarizationResult {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const names = new Map<number, string>();
  for (const s of sorted) if (!names.has(s.cluster)) names.set(s.cluster, `S${names.size + 1}`);
  const turns: SpeakerTurn[] = [];
  for (const s of sorted) {
    const speaker = names.get(s.cluster) ?? 'S1';
    const last = turns[turns.length - 1];
    if (last && last.speaker === speaker && s.start - last.end <= fillGapS) {
      last.end = Math.max(last.end, s.end);
    } else if (last && s.start < last.end) {
      // overlap between two voices' spans (window edges): the later one starts where the earlier ends
      if (s.end > last.end) turns.push({ start: last.end, end: s.end, speaker });
    } else {
      turns.push({ start: s.start, end: s.end, speaker });
    }
  }
  const speakers: VoiceCluster[] = [...names.entries()].map(([cluster, id]) => {
    const members = sorted
      .filter((s) => s.cluster === cluster && s.embedding)
      .map((s) => ({ embedding: s.embedding as Float32Array, weight: s.end - s.start }));
    const seconds = turns.filter((t) => t.speaker === id).reduce((n, t) => n + t.end - t.start, 0);
    const mean = members.length > 0 ? Array.from(centroidItem(members).embedding, round6) : [];
    return { id, seconds: Math.round(seconds * 1000) / 1000, embedding: mean };
  });
  return { turns: turns.map((t) => ({ ...t, start: round3(t.start), end: round3(t.end) })), speakers };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
