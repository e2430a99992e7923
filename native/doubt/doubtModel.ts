// The learned doubt model as data: which features, their weights, and the two thresholds on the
// calibrated probability that a word holds an error. Written by bench/trainDoubt.ts, never by hand.
import { predictLogistic, type LogisticFit } from './fitLogistic';
import { DOUBT_FEATURES } from './doubtFeatures';

export interface DoubtModel extends LogisticFit {
  /** feature names in the order of mean/scale/weights; features the model lacks weigh 0 */
  features: string[];
  /** probability that a word holds an error, at or above which it is 要確認 (check) / 念のため (maybe) */
  thresholds: { check: number; maybe: number };
  /** where the weights came from: date, the corpus halves and the engine outputs used */
  trained: {
    date: string;
    tune: string[];
    check: string[];
    files: string[];
    words: number;
    note: string;
  };
}

/** The model's probability for each feature vector (in DOUBT_FEATURES order). */
export function doubtProbabilities(model: DoubtModel, rows: readonly (readonly number[])[]): number[] {
  const index = model.features.map((f) => (DOUBT_FEATURES as readonly string[]).indexOf(f));
  if (index.some((i) => i < 0)) {
    throw new Error(`doubt model has features this code does not compute: ${model.features.filter((_, k) => index[k]! < 0).join(', ')}`);
  }
  return rows.map((row) =>
    predictLogistic(
      model,
      index.map((i) => row[i]!),
    ),
  );
}
