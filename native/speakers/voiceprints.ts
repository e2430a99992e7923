// Voices we already know: a stored person's voice against this meeting's clusters. Pure.
import type { RosterMember, SpeakerLabel } from '../common/speakers';

/** A confirmed person's voice: the mean of their samples from recent meetings. */
export interface KnownVoice {
  name: string;
  yomi: string;
  /** L2-normalised */
  embedding: number[];
  /** meetings that went into the mean */
  samples: number;
}

/**
 * Cosine similarity a cluster must reach to take a stored voice's name. Measured on the corpus
 * (CAM++, per-speaker means; test/speakers/voiceprints.test.ts): the one voice that recurs with the
 * same settings (m01 区長 = m02 保育課長) scores 0.981, the same voice at another speaking rate
 * (m01 事務局長 / m02 鈴木) 0.949, and 43 of the 44 other cross-speaker pairs at most 0.959;
 * the exception is m02 山本 / m03 田中 (one half-tone and rate apart) at 0.978. The same voice split in
 * two within a meeting (odd against even turns) scores 0.849–0.981, median 0.94: these synthetic
 * voices overlap, so no threshold separates them; 0.97 favours a missing name over a wrong one, and
 * only voices of people on this meeting's roster are candidates at all.
 */
export const VOICE_THRESHOLD = 0.97;
/** The best stored voice must beat the next best by this much, else the cluster stays unnamed. */
export const VOICE_MARGIN = 0.01;
/** A person's voice is the mean of their latest this many meetings: a voice that changes is followed. */
export const VOICE_SAMPLES = 10;

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function normalise(v: readonly number[]): number[] {
  const n = Math.hypot(...v);
  return n === 0 ? [...v] : v.map((x) => x / n);
}

/** Per-meeting samples (newest first) as one voice per person: the normalised mean of the latest VOICE_SAMPLES. */
export function knownVoices(samples: { name: string; yomi: string; embedding: number[] }[]): KnownVoice[] {
  const byPerson = new Map<string, { name: string; yomi: string; list: number[][] }>();
  for (const s of samples) {
    const key = `${s.name}\t${s.yomi}`;
    const p = byPerson.get(key) ?? { name: s.name, yomi: s.yomi, list: [] };
    if (p.list.length < VOICE_SAMPLES) p.list.push(normalise(s.embedding));
    byPerson.set(key, p);
  }
  return [...byPerson.values()].map((p) => ({
    name: p.name,
    yomi: p.yomi,
    samples: p.list.length,
    embedding: normalise(p.list[0]!.map((_, i) => p.list.reduce((sum, e) => sum + e[i]!, 0))),
  }));
}

/** The roster entry a known voice belongs to: same 氏名 and よみ (or よみ missing on either side). */
function rosterIndex(roster: RosterMember[], v: KnownVoice): number {
  return roster.findIndex((m) => m.name === v.name && (m.yomi === '' || v.yomi === '' || m.yomi === v.yomi));
}

/**
 * Labels clusters whose voice matches a stored voice of someone on this meeting's roster.
 * Confidence runs from 0.5 at the threshold to 1 at identity.
 */
export function labelFromVoices(
  clusters: { id: string; embedding: number[] }[],
  voices: KnownVoice[],
  roster: RosterMember[],
  threshold = VOICE_THRESHOLD,
): SpeakerLabel[] {
  const labels: SpeakerLabel[] = [];
  for (const c of clusters) {
    if (c.embedding.length === 0) continue;
    const scored = voices
      .map((v) => ({ v, member: rosterIndex(roster, v), sim: cosine(c.embedding, v.embedding) }))
      .filter((s) => s.member >= 0)
      .sort((a, b) => b.sim - a.sim);
    const [best, second] = scored;
    if (!best || best.sim < threshold || (second && best.sim - second.sim < VOICE_MARGIN)) continue;
    const member = best.member;
    labels.push({
      speaker: c.id,
      member,
      source: 'voiceprint',
      confidence: Math.round((0.5 + (0.5 * (best.sim - threshold)) / (1 - threshold)) * 100) / 100,
      reason: `以前の会議で確認した${best.v.name}さんの声に似ています（類似度 ${best.sim.toFixed(3)}、${best.v.samples}回分の声）`,
    });
  }
  return labels;
}

/**
 * One label per cluster from several sources: agreeing labels strengthen each other; when they
 * disagree the surer one stands and its reason says what the other source thought.
 */
export function combineLabels(roster: RosterMember[], ...sources: SpeakerLabel[][]): SpeakerLabel[] {
  const byCluster = new Map<string, SpeakerLabel[]>();
  for (const l of sources.flat()) byCluster.set(l.speaker, [...(byCluster.get(l.speaker) ?? []), l]);
  const out: SpeakerLabel[] = [];
  for (const [, labels] of byCluster) {
    const sorted = [...labels].sort((a, b) => b.confidence - a.confidence);
    const top = sorted[0]!;
    const agree = sorted.filter((l) => l.member === top.member);
    const disagree = sorted.filter((l) => l.member !== top.member);
    const doubt = agree.reduce((d, l) => d * (1 - l.confidence), 1);
    const against =
      disagree.length > 0 ? `。別の手がかりでは${[...new Set(disagree.map((l) => roster[l.member]?.name ?? '?'))].join('、')}さん` : '';
    out.push({
      ...top,
      confidence: Math.round((disagree.length > 0 ? top.confidence * 0.8 : 1 - doubt) * 100) / 100,
      reason: agree.map((l) => l.reason).join('。') + against,
    });
  }
  return out;
}
