// Learns the doubt model (native/doubt) from engine outputs of corpus meetings:
//   npx tsc -p . && node dist/bench/trainDoubt.js FOLDER... [--out native/doubt/doubtWeights.json] [--note TEXT] [--dry-run]
// FOLDER holds transcript JSONs (`gijiroku transcribe … --json`), searched recursively; a file belongs
// to the corpus meeting its name starts with. The weights are fitted on the tune half only, the
// thresholds chosen on the tune half only; the check half is reported, never used.
import { writeFileSync } from 'node:fs';
import type { DoubtLevel } from '../native/common/transcript';
import { doubtLevels, type DoubtThresholds } from '../native/doubt/doubtLevels';
import { normalizeForCer } from '../native/eval/characterErrorRate';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DOUBT_FEATURES, doubtFeatures } from '../native/doubt/doubtFeatures';
import type { DoubtModel } from '../native/doubt/doubtModel';
import { fitLogistic, predictLogistic, type LogisticFit } from '../native/doubt/fitLogistic';
import { loadTokenizer } from '../native/dictionary/loadTokenizer';
import { clerkMeasures, pooledMeasures, type ClerkMeasures, type ErrorCharges } from '../native/eval/clerkMinutes';
import { corpusHalves } from '../native/eval/corpusHalves';
import { chargesOf, durationOf, readEngineOutputs, type EngineOutput } from './clerkData';
import { chooseThresholds, measureRow, THRESHOLD_RULE } from './doubtThresholds';
import { ROOT } from './engines';
import { printTable } from './table';

export interface LabelledOutput {
  output: EngineOutput;
  charges: ErrorCharges;
  /** per segment, per word: its feature row (DOUBT_FEATURES order) */
  features: number[][][];
  /** per segment, per word: 1 when an error character is charged to it */
  labels: number[][];
}

export async function labelOutputs(outputs: EngineOutput[]): Promise<LabelledOutput[]> {
  const tokenizer = await loadTokenizer();
  return outputs.map((output) => {
    const features = doubtFeatures(output.transcript, { tokenizer });
    const charges = chargesOf(output);
    const labels = output.transcript.segments.map((s) => s.tokens.map(() => 0));
    charges.units.forEach((u, i) => { if (u.token >= 0 && charges.unitErrors[i]! > 0) labels[u.segment]![u.token] = 1; });
    return { output, charges, features, labels };
  });
}

/** The measures of one output when its words get levels from these probabilities and thresholds; `level` says which words count as marked. */
export function measuresAt(d: LabelledOutput, probabilities: readonly (readonly number[])[], thresholds: DoubtThresholds,
  marked: (level: DoubtLevel) => boolean = (l) => l === 'check'): ClerkMeasures {
  const levels = doubtLevels(d.output.transcript.segments, probabilities, thresholds);
  return clerkMeasures(d.charges, (u) => u.token >= 0 && marked(levels[u.segment]![u.token]!), durationOf(d.output));
}

interface Trained {
  fit: LogisticFit;
  thresholds: DoubtThresholds;
  probabilities(d: LabelledOutput): number[][];
}

/** Weights fitted on `tune`, thresholds chosen on it; features named in `without` are held at 0 (for ablations). */
export function train(tune: readonly LabelledOutput[], l2: number, without: readonly string[] = []): Trained {
  const keep = DOUBT_FEATURES.map((f) => !without.includes(f));
  const masked = (r: readonly number[]) => r.map((x, j) => (keep[j] ? x : 0));
  const fit = fitLogistic(tune.flatMap((d) => d.features.flat().map(masked)), tune.flatMap((d) => d.labels.flat()), l2);
  const probabilities = (d: LabelledOutput) => d.features.map((seg) => seg.map((r) => predictLogistic(fit, masked(r))));
  return { fit, probabilities, thresholds: chooseThresholds(tune.map((d) => ({ d, p: probabilities(d) }))) };
}

/** Leave one tune meeting out at a time (weights and thresholds from the others): for choosing features without the check half. */
function leaveOneMeetingOut(tune: readonly LabelledOutput[], l2: number, without: readonly string[]): ClerkMeasures {
  const meetings = [...new Set(tune.map((d) => d.output.meeting.name))];
  return pooledMeasures(meetings.flatMap((name) => {
    const model = train(tune.filter((d) => d.output.meeting.name !== name), l2, without);
    return tune.filter((d) => d.output.meeting.name === name).map((d) => measuresAt(d, model.probabilities(d), model.thresholds));
  }));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: join(ROOT, 'native', 'doubt', 'doubtWeights.json') },
      note: { type: 'string', default: '' },
      'dry-run': { type: 'boolean', default: false },
      l2: { type: 'string', default: '1' },
      without: { type: 'string', default: '' },
      cv: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new Error('usage: trainDoubt FOLDER... [--out FILE] [--note TEXT] [--dry-run]');
  const data = await labelOutputs(readEngineOutputs(positionals));
  const tune = data.filter((d) => d.output.half === 'tune');
  const check = data.filter((d) => d.output.half === 'check');
  if (tune.length === 0) throw new Error('no engine output of a tune-half meeting in the folders given');

  const without = values.without.split(',').filter(Boolean);
  if (values.cv) {
    printTable('Leave one tune meeting out (pooled over the tune half)', [measureRow('tune, held out', 'tune', leaveOneMeetingOut(tune, Number(values.l2), without))]);
    return;
  }
  const { fit, thresholds, probabilities: probabilitiesOf } = train(tune, Number(values.l2), without);
  const probabilities = new Map(data.map((d) => [d, probabilitiesOf(d)]));
  const words = tune.reduce((n, d) => n + d.labels.flat().length, 0);

  const halves = corpusHalves();
  const model: DoubtModel = {
    features: [...DOUBT_FEATURES], mean: fit.mean.map(r6), scale: fit.scale.map(r6), weights: fit.weights.map(r6), bias: r6(fit.bias),
    thresholds,
    trained: {
      date: new Date().toISOString().slice(0, 10), tune: halves.tune, check: halves.check,
      files: tune.map((d) => d.output.file), words,
      note: `${values.note ? `${values.note}; ` : ''}${THRESHOLD_RULE}`,
    },
  };

  printTable('Doubt model: weights on standardised features (tune half)', DOUBT_FEATURES.map((f, j) => ({ feature: f, weight: r3(fit.weights[j]!), mean: r3(fit.mean[j]!) })));
  printTable('Calibration on the check half (words with text)', calibration(check.map((d) => ({ d, p: probabilities.get(d)! }))));
  const table = (['tune', 'check'] as const).flatMap((half) => {
    const measured = data.filter((d) => d.output.half === half).map((d) => ({ d, m: measuresAt(d, probabilities.get(d)!, thresholds) }));
    return [...measured.map(({ d, m }) => measureRow(d.output.file, half, m)), measureRow(`all ${half}`, half, pooledMeasures(measured.map((x) => x.m)))];
  });
  printTable(`Clerk minutes with 要確認 at p(error) ≥ ${thresholds.check} (念のため ≥ ${thresholds.maybe})`, table);
  if (!values['dry-run']) {
    writeFileSync(values.out, `${JSON.stringify(model, null, 1)}\n`);
    console.log(`\nwrote ${values.out}`);
  }
}

function calibration(scored: readonly { d: LabelledOutput; p: number[][] }[]): object[] {
  const bins = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0001];
  const count = bins.slice(1).map(() => ({ n: 0, predicted: 0, observed: 0 }));
  for (const { d, p } of scored) {
    d.output.transcript.segments.forEach((seg, s) => seg.tokens.forEach((t, k) => {
      if (normalizeForCer(t.text) === '') return;
      const q = p[s]![k]!;
      const c = count[bins.findIndex((edge, j) => q >= edge && q < bins[j + 1]!)]!;
      c.n++; c.predicted += q; c.observed += d.labels[s]![k]!;
    }));
  }
  return count.map((c, j) => ({
    'p(error)': `${bins[j]}–${Math.min(1, bins[j + 1]!)}`, words: c.n,
    predicted: c.n ? r3(c.predicted / c.n) : null, observed: c.n ? r3(c.observed / c.n) : null,
  }));
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
