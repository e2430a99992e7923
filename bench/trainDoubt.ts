// Learns the doubt model (native/doubt) from engine outputs of corpus meetings:
//   npx tsc -p . && node dist/bench/trainDoubt.js FOLDER... [--out native/doubt/doubtWeights.json] [--note TEXT] [--dry-run]
// FOLDER holds transcript JSONs (`gijiroku transcribe … --json`), searched recursively; a file belongs
// to the corpus meeting its name starts with. The weights are fitted on the tune half only, the
// thresholds chosen on the tune half only; the check half is reported, never used.
import { writeFileSync } from 'node:fs';
import { insideStretches, mergedStretches } from '../native/common/doubtStretches';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DOUBT_FEATURES, doubtFeatures } from '../native/doubt/doubtFeatures';
import type { DoubtModel } from '../native/doubt/doubtModel';
import { fitLogistic, predictLogistic } from '../native/doubt/fitLogistic';
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
  /** per charge unit: its feature row (null for units that are not words) */
  rows: (number[] | null)[];
  /** per charge unit: 1 when an error character is charged to it */
  labels: number[];
}

export async function labelOutputs(outputs: EngineOutput[]): Promise<LabelledOutput[]> {
  const tokenizer = await loadTokenizer();
  return outputs.map((output) => {
    const features = doubtFeatures(output.transcript, { tokenizer });
    const charges = chargesOf(output);
    const rows = charges.units.map((u) => (u.token >= 0 ? features[u.segment]?.[u.token] ?? null : null));
    return { output, charges, rows, labels: charges.unitErrors.map((e) => (e > 0 ? 1 : 0)) };
  });
}

/** The measures of each output when words whose probability reaches `threshold` are marked. */
export function measuresAt(data: readonly LabelledOutput[], probabilities: readonly (readonly number[])[], threshold: number, fill = FILL): ClerkMeasures[] {
  return data.map((d, k) => {
    const units = d.charges.units;
    const marked = units.map((u, i) => u.unheard || (probabilities[k]![i] ?? 0) >= threshold);
    const inside = fill ? insideStretches(units, mergedStretches(units.filter((_, i) => marked[i]))) : [];
    return clerkMeasures(d.charges, (u, i) => u.token >= 0 && (marked[i]! || inside[i]!), durationOf(d.output));
  });
}
const FILL = process.env['FILL'] === '1';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: join(ROOT, 'native', 'doubt', 'doubtWeights.json') },
      note: { type: 'string', default: '' },
      'dry-run': { type: 'boolean', default: false },
      l2: { type: 'string', default: '1' },
    },
  });
  if (positionals.length === 0) throw new Error('usage: trainDoubt FOLDER... [--out FILE] [--note TEXT] [--dry-run]');
  const data = await labelOutputs(readEngineOutputs(positionals));
  const tune = data.filter((d) => d.output.half === 'tune');
  const check = data.filter((d) => d.output.half === 'check');
  if (tune.length === 0) throw new Error('no engine output of a tune-half meeting in the folders given');

  const rows: number[][] = [];
  const labels: number[] = [];
  for (const d of tune) d.rows.forEach((r, i) => { if (r) { rows.push(r); labels.push(d.labels[i]!); } });
  const fit = fitLogistic(rows, labels, Number(values.l2));
  const probabilities = data.map((d) => d.rows.map((r) => (r ? predictLogistic(fit, r) : 0)));
  const tuneProbabilities = probabilities.filter((_, k) => data[k]!.output.half === 'tune');
  const thresholds = chooseThresholds(tune, tuneProbabilities);

  const halves = corpusHalves();
  const model: DoubtModel = {
    features: [...DOUBT_FEATURES], mean: fit.mean.map(r6), scale: fit.scale.map(r6), weights: fit.weights.map(r6), bias: r6(fit.bias),
    thresholds,
    trained: {
      date: new Date().toISOString().slice(0, 10), tune: halves.tune, check: halves.check,
      files: tune.map((d) => d.output.file), words: rows.length,
      note: `${values.note ? `${values.note}; ` : ''}${THRESHOLD_RULE}`,
    },
  };

  printTable('Doubt model: weights on standardised features (tune half)', DOUBT_FEATURES.map((f, j) => ({ feature: f, weight: r3(fit.weights[j]!), mean: r3(fit.mean[j]!) })));
  printTable('Calibration on the check half (words with text)', calibration(check, probabilities.filter((_, k) => data[k]!.output.half === 'check')));
  const rowsFor = (half: 'tune' | 'check') => data.flatMap((d, k) => (d.output.half === half
    ? [measureRow(d.output.file, half, measuresAt([d], [probabilities[k]!], thresholds.check)[0]!)] : []));
  const pooled = (half: 'tune' | 'check') => {
    const ks = data.flatMap((d, k) => (d.output.half === half ? [k] : []));
    return measureRow(`all ${half}`, half, pooledMeasures(measuresAt(ks.map((k) => data[k]!), ks.map((k) => probabilities[k]!), thresholds.check)));
  };
  printTable(`Clerk minutes with 要確認 at p(error) ≥ ${thresholds.check} (念のため ≥ ${thresholds.maybe})`,
    [...rowsFor('tune'), pooled('tune'), ...rowsFor('check'), pooled('check')]);
  if (!values['dry-run']) {
    writeFileSync(values.out, `${JSON.stringify(model, null, 1)}\n`);
    console.log(`\nwrote ${values.out}`);
  }
}

function calibration(data: readonly LabelledOutput[], probabilities: readonly (readonly number[])[]): object[] {
  const bins = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0001];
  const count = bins.slice(1).map(() => ({ n: 0, predicted: 0, observed: 0 }));
  data.forEach((d, k) => d.rows.forEach((r, i) => {
    if (!r || d.charges.unitChars[i] === 0) return;
    const p = probabilities[k]![i]!;
    const b = bins.findIndex((edge, j) => p >= edge && p < bins[j + 1]!);
    const c = count[b]!;
    c.n++; c.predicted += p; c.observed += d.labels[i]!;
  }));
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
