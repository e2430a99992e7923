/**
 * The clerk's hour (issue 15): what the marks on a draft are worth to the clerk who checks it.
 * The normalised hypothesis (normalizeForCer: NFKC, punctuation and spaces removed, numbers as
 * digits) is aligned with the normalised reference; every edit of the alignment is one error
 * character, charged to a word of the transcript: a substituted or inserted character to the word
 * it belongs to, a deleted reference character to the hypothesis character before it (to the
 * first one when nothing comes before). A deletion where an `unheard` segment sits between the
 * two hypothesis characters around it is charged to that segment: the clerk is sent there.
 * Consecutive error characters form one error run, which costs the clerk one fix; for the review
 * pass, the part of a run inside marks is one fix, the part outside stays in the minutes. Per file:
 *   (a) CER; (b) error recall: share of error characters in marked words; (c) share of the audio
 *   covered by marked words padded 0.5 s and merged; (d) modelled clerk minutes per meeting hour
 *   = (c) × 60 + error runs per hour inside marks × 5 s; (e) residual CER = errors outside marks
 *   per reference character; (f) the clerk who listens to everything at 1.5× and fixes every run.
 */
import { mergedStretches, totalSeconds } from '../common/doubtStretches';
import type { TranscriptSegment, TranscriptToken } from '../common/transcript';
import { placeTokens } from '../store/alignTokens';
import { alignChars } from './alignChars';
import { normalizeForCer } from './characterErrorRate';
import { normalizeTracked } from './trackedNormalization';

export const SECONDS_PER_FIX = 5;
export const FULL_LISTEN_SPEED = 1.5;

export type ClerkSegment = Pick<TranscriptSegment, 'start' | 'end' | 'text' | 'tokens' | 'unheard'>;

/** What error characters are charged to: a word, a segment without placed words, or an unheard segment. */
export interface ChargeUnit {
  segment: number;
  /** index in the segment's tokens; -1 for the segment as a whole */
  token: number;
  start: number;
  end: number;
  unheard: boolean;
}

export interface ErrorCharges {
  units: ChargeUnit[];
  /** error characters charged to each unit */
  unitErrors: number[];
  /** normalised characters of the hypothesis that belong to each unit */
  unitChars: number[];
  refChars: number;
  /** substitutions + deletions + insertions */
  errors: number;
  /** per error character in alignment order: the unit charged (-1: nowhere, an empty transcript) */
  errorUnits: number[];
  /** per error character: a correct character came between it and the error before */
  afterMatch: boolean[];
}

export function chargeErrors(reference: readonly { text: string }[], segments: readonly ClerkSegment[]): ErrorCharges {
  const refChars = reference.flatMap((r) => [...normalizeForCer(r.text)]);
  const units: ChargeUnit[] = [];
  const hypChars: string[] = [];
  const hypUnit: number[] = [];
  segments.forEach((seg, s) => {
    if (seg.unheard) {
      units.push({ segment: s, token: -1, start: seg.start, end: seg.end, unheard: true });
      return;
    }
    const owners = charOwners(seg);
    const base = units.length;
    const wholeSegment = owners.some((o) => o < 0);
    if (wholeSegment) units.push({ segment: s, token: -1, start: seg.start, end: seg.end, unheard: false });
    const first = units.length;
    seg.tokens.forEach((t, i) => units.push({ segment: s, token: i, start: t.start, end: t.end, unheard: false }));
    const { chars, origin } = normalizeTracked(seg.text);
    chars.forEach((c, k) => {
      const owner = owners[origin[k] ?? 0] ?? -1;
      hypChars.push(c);
      hypUnit.push(owner < 0 ? base : first + owner);
    });
  });

  const unitErrors = new Array<number>(units.length).fill(0);
  const unitChars = new Array<number>(units.length).fill(0);
  for (const u of hypUnit) unitChars[u]! += 1;
  const errorUnits: number[] = [];
  const afterMatch: boolean[] = [];
  let matchedSince = true;
  for (const step of alignChars(refChars, hypChars)) {
    if (step.op === 'match') {
      matchedSince = true;
      continue;
    }
    const unit = step.op === 'del' ? deletionUnit(step.hyp, hypUnit, units) : hypUnit[step.hyp]!;
    if (unit >= 0) unitErrors[unit]! += 1;
    errorUnits.push(unit);
    afterMatch.push(matchedSince);
    matchedSince = false;
  }
  return { units, unitErrors, unitChars, refChars: refChars.length, errors: errorUnits.length, errorUnits, afterMatch };
}

/** For each UTF-16 offset of the segment's text, the index of the token spelling it (nearest placed token for the rest; -1 when none is). */
function charOwners(seg: ClerkSegment): number[] {
  const owners = new Array<number>(seg.text.length).fill(-1);
  const index = new Map<TranscriptToken, number>(seg.tokens.map((t, i) => [t, i]));
  const placed = placeTokens(seg.tokens, seg.text);
  if (placed.length === 0) return owners;
  for (const p of placed) owners.fill(index.get(p.token)!, p.at, p.at + p.length);
  // characters no token spells (a term correction, a space) belong to the word before, else after
  let last = -1;
  for (let o = 0; o < owners.length; o++) {
    if (owners[o]! >= 0) last = owners[o]!;
    else owners[o] = last;
  }
  const firstOwner = index.get(placed[0]!.token)!;
  for (let o = 0; o < owners.length && owners[o]! < 0; o++) owners[o] = firstOwner;
  return owners;
}

/** The unit a deleted reference character before hypothesis character `hyp` is charged to. */
function deletionUnit(hyp: number, hypUnit: readonly number[], units: readonly ChargeUnit[]): number {
  const before = hyp > 0 ? hypUnit[hyp - 1]! : -1;
  const after = hyp < hypUnit.length ? hypUnit[hyp]! : units.length;
  for (let u = before + 1; u < after; u++) if (units[u]!.unheard) return u;
  if (before >= 0) return before;
  return hypUnit.length > 0 ? hypUnit[0]! : -1;
}

export interface ClerkMeasures {
  durationS: number;
  refChars: number;
  errors: number;
  errorsInMarks: number;
  runs: number;
  runsInMarks: number;
  coveredS: number;
  /** (a) */
  cer: number;
  /** (b) */
  errorRecall: number;
  /** (c) */
  coverage: number;
  /** (d) */
  reviewMinutesPerHour: number;
  /** (e) */
  residualCer: number;
  /** (f): minutes per meeting hour of a clerk who listens to everything at 1.5× (residual CER 0) */
  fullListenMinutesPerHour: number;
}

/** The measures of one file, given which units the marks cover (unheard segments always count as marked). */
export function clerkMeasures(
  charges: ErrorCharges,
  marked: (unit: ChargeUnit, index: number) => boolean,
  durationS: number,
): ClerkMeasures {
  const isMarked = charges.units.map((u, i) => u.unheard || marked(u, i));
  let errorsInMarks = 0;
  let runs = 0;
  let runsInMarks = 0;
  let previous = false;
  charges.errorUnits.forEach((unit, k) => {
    const inMarks = unit >= 0 && isMarked[unit]!;
    if (inMarks) errorsInMarks++;
    if (charges.afterMatch[k]) runs++;
    // the part of a run inside marks is what the review pass brings the clerk to fix
    if (inMarks && (charges.afterMatch[k] || !previous)) runsInMarks++;
    previous = inMarks;
  });
  const stretches = mergedStretches(
    charges.units.filter((_, i) => isMarked[i]),
    undefined,
    durationS,
  );
  return measuresOf({
    durationS,
    refChars: charges.refChars,
    errors: charges.errors,
    errorsInMarks,
    runs,
    runsInMarks,
    coveredS: totalSeconds(stretches),
  });
}

export type ClerkCounts = Pick<ClerkMeasures, 'durationS' | 'refChars' | 'errors' | 'errorsInMarks' | 'runs' | 'runsInMarks' | 'coveredS'>;

export function measuresOf(c: ClerkCounts): ClerkMeasures {
  const hours = c.durationS / 3600;
  const perHour = (n: number) => (hours > 0 ? n / hours : 0);
  const coverage = c.durationS > 0 ? c.coveredS / c.durationS : 0;
  return {
    ...c,
    cer: c.refChars > 0 ? c.errors / c.refChars : 0,
    errorRecall: c.errors > 0 ? c.errorsInMarks / c.errors : 1,
    coverage,
    reviewMinutesPerHour: coverage * 60 + (perHour(c.runsInMarks) * SECONDS_PER_FIX) / 60,
    residualCer: c.refChars > 0 ? (c.errors - c.errorsInMarks) / c.refChars : 0,
    fullListenMinutesPerHour: 60 / FULL_LISTEN_SPEED + (perHour(c.runs) * SECONDS_PER_FIX) / 60,
  };
}

/** Several files as one: counts summed, ratios taken over the sums (a long file weighs more). */
export function pooledMeasures(files: readonly ClerkCounts[]): ClerkMeasures {
  const sum = (k: keyof ClerkCounts) => files.reduce((a, f) => a + f[k], 0);
  return measuresOf({
    durationS: sum('durationS'),
    refChars: sum('refChars'),
    errors: sum('errors'),
    errorsInMarks: sum('errorsInMarks'),
    runs: sum('runs'),
    runsInMarks: sum('runsInMarks'),
    coveredS: sum('coveredS'),
  });
}
