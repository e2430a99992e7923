// Names voice clusters from the chair's calls: a turn that ends 「鈴木委員。」 is followed by 鈴木's
// voice. Every call in the meeting is evidence; the evidence per cluster is summed into one
// SpeakerLabel with a confidence and a reason the clerk can read. Pure.
import type { RosterMember, SpeakerLabel } from '../common/speakers';
import { CALL_RULES, HEAD_CALL_RULES, callHead, callTail, type CallRule } from './chairCallRules';
import { matchName, matchRole, matchRoleBySound, matchSeat, type ReadingOf, type RosterMatch } from './matchRoster';

export interface SpokenText {
  speaker: string | null;
  text: string;
  start: number;
}

/** One call found in the meeting. */
export interface ChairCall {
  /** cluster that made the call */
  caller: string;
  /** cluster that spoke next (null: nobody, or the caller again) */
  next: string | null;
  member: number;
  rule: string;
  /** the words of the call as heard: 鈴木委員 */
  heard: string;
  /** seconds: start of the turn that followed */
  at: number;
  weight: number;
}

export interface CallLabelling {
  labels: SpeakerLabel[];
  calls: ChairCall[];
  /** the cluster taken to be the chair, null when no calls were found */
  chair: string | null;
}

const CHAIR_ROLES = [/^(議長|委員長|分科会長)$/, /^(副|仮|臨時)(議長|委員長)$/, /^年長(議員|委員)$/];

export interface Turn {
  speaker: string;
  text: string;
  start: number;
}

/** Consecutive pieces of one speaker as one turn; pieces without a speaker end the turn and are dropped. */
export function turnsOf(pieces: SpokenText[]): Turn[] {
  const turns: Turn[] = [];
  let last: string | null = null;
  for (const p of pieces) {
    if (p.speaker === null) {
      last = null;
      continue;
    }
    const prev = turns[turns.length - 1];
    if (prev && last === p.speaker) prev.text += p.text;
    else turns.push({ speaker: p.speaker, text: p.text, start: p.start });
    last = p.speaker;
  }
  return turns;
}

/** Matches by sound (whisper's spelling differs from the roster's) count for this much of the rule's weight. */
const BY_SOUND = 0.8;

/** Who a turn's last sentence calls, by the first rule that names exactly one roster entry. */
export function findCall(
  text: string,
  roster: RosterMember[],
  readingOf?: ReadingOf,
  rules: readonly CallRule[] = CALL_RULES,
  tail = callTail(text),
): { match: RosterMatch; rule: CallRule; heard: string; weight: number } | null {
  for (const rule of rules) {
    const m = rule.pattern.exec(tail);
    if (!m?.groups) continue;
    const { seat, name, role } = m.groups;
    let match: RosterMatch | null = null;
    if (seat !== undefined) match = matchSeat(roster, seat);
    if (name !== undefined && name !== '') {
      const byName = matchName(roster, name, readingOf);
      // a seat and a name that disagree are no call at all
      if (match && byName && match.member !== byName.member) return null;
      match ??= byName;
    }
    if (role !== undefined) match ??= matchRole(roster, role) ?? (readingOf ? matchRoleBySound(roster, role, readingOf) : null);
    if (match) return { match, rule, heard: m[0], weight: match.by === 'yomi' ? rule.weight * BY_SOUND : rule.weight };
  }
  return null;
}

export function labelFromCalls(pieces: SpokenText[], roster: RosterMember[], readingOf?: ReadingOf): CallLabelling {
  const turns = turnsOf(pieces);
  if (turns.length === 0 || roster.length === 0) return { labels: [], calls: [], chair: null };
  const calls: ChairCall[] = [];
  for (let i = 0; i < turns.length; i++) {
    const found = findCall(turns[i]!.text, roster, readingOf);
    if (!found) continue;
    const next = turns[i + 1];
    calls.push({
      caller: turns[i]!.speaker,
      next: next && next.speaker !== turns[i]!.speaker ? next.speaker : null,
      member: found.match.member,
      rule: found.rule.id,
      heard: found.heard,
      at: next?.start ?? turns[i]!.start,
      weight: found.weight,
    });
  }
  const chairMember = chairOf(roster);
  // a member asking for the floor says 「委員長。」: a call to the chair is never made by the chair
  const chair = chairCluster(calls.filter((c) => c.member !== chairMember));
  // the chair spoke, no call was found in its words, and the next voice begins with one
  for (let i = 1; i < turns.length; i++) {
    const prev = turns[i - 1]!;
    const turn = turns[i]!;
    if (prev.speaker !== chair || turn.speaker === chair || calls.some((c) => c.caller === chair && c.at === turn.start)) continue;
    const found = findCall(turn.text, roster, readingOf, HEAD_CALL_RULES, callHead(turn.text));
    if (!found) continue;
    calls.push({
      caller: prev.speaker,
      next: turn.speaker,
      member: found.match.member,
      rule: found.rule.id,
      heard: found.heard,
      at: turn.start,
      weight: found.weight,
    });
  }
  const labels: SpeakerLabel[] = [];
  const chairCalls = calls.filter((c) => c.caller === chair);
  if (chair !== null && chairMember !== null) {
    const n = chairCalls.length;
    labels.push({
      speaker: chair,
      member: chairMember,
      source: 'roster-call',
      confidence: round2(1 - 0.5 ** (n + 1)),
      reason: `指名を${n}回した声を${roster[chairMember]!.role}としました`,
    });
  }
  const byCluster = new Map<string, ChairCall[]>();
  for (const c of chairCalls) {
    if (c.next === null || c.next === chair || c.member === chairMember) continue;
    byCluster.set(c.next, [...(byCluster.get(c.next) ?? []), c]);
  }
  for (const [speaker, evidence] of byCluster)
    labels.push(clusterLabel(speaker, evidence, roster, roster[chairMember ?? -1]?.role ?? '議長'));
  return { labels, calls, chair };
}

/** The cluster that makes the most calls; ties go to the one that called first. */
function chairCluster(calls: ChairCall[]): string | null {
  const count = new Map<string, number>();
  for (const c of calls) count.set(c.caller, (count.get(c.caller) ?? 0) + 1);
  let best: string | null = null;
  for (const [speaker, n] of count) if (best === null || n > count.get(best)!) best = speaker;
  return best;
}

/** 議長 or 委員長 first, then 副議長 …; null when the roster names no chair or two of a kind. */
export function chairOf(roster: RosterMember[]): number | null {
  for (const pattern of CHAIR_ROLES) {
    const found = roster.flatMap((m, i) => (pattern.test(m.role.trim()) ? [i] : []));
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null;
  }
  return null;
}

function clusterLabel(speaker: string, evidence: ChairCall[], roster: RosterMember[], chairRole: string): SpeakerLabel {
  const score = new Map<number, number>();
  for (const c of evidence) score.set(c.member, (score.get(c.member) ?? 0) + c.weight);
  const [member] = [...score.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const total = [...score.values()].reduce((a, b) => a + b, 0);
  const agreeing = evidence.filter((c) => c.member === member);
  // independent calls: each one that agrees removes part of the remaining doubt
  const belief = 1 - agreeing.reduce((doubt, c) => doubt * (1 - c.weight), 1);
  const confidence = round2(belief * (score.get(member)! / total));
  // a call whisper put at the start of this voice's own turn says so
  const heard = [
    ...new Set(agreeing.map((c) => (c.rule.startsWith('head-') ? `『${c.heard}』（発言の冒頭に聞こえたもの）` : `『${c.heard}』`))),
  ].join('');
  const others = evidence.filter((c) => c.member !== member);
  const conflict =
    others.length > 0
      ? `。ただし${others.length}回は別の人（${[...new Set(others.map((c) => roster[c.member]!.name))].join('、')}）の指名の後でした`
      : '';
  return {
    speaker,
    member,
    source: 'roster-call',
    confidence,
    reason: `${chairRole}の指名${heard}の直後の発言（${agreeing.length}回）${conflict}`,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
