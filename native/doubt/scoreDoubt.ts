/**
 * Marks every word of a transcript with how much the clerk should doubt it: `doubtLevel`
 * 'check' (要確認, played by the review pass), 'maybe' (念のため, shown) or 'none', and
 * `doubt: true` for 'check'. `p` stays. Pure: the tokenizer and (for tests) the model come in
 * through the context; the committed model (doubtWeights.json, learned by bench/trainDoubt.ts
 * on the tune half of the corpus) is the default.
 */
import type { Transcript } from '../common/transcript';
import { doubtFeatures, type DoubtContext } from './doubtFeatures';
import { doubtLevels } from './doubtLevels';
import { doubtProbabilities, type DoubtModel } from './doubtModel';
import committed from './doubtWeights.json';

export const DOUBT_MODEL: DoubtModel = committed;

export interface ScoreDoubtContext extends DoubtContext {
  model?: DoubtModel;
}

export function scoreDoubt(transcript: Transcript, context: ScoreDoubtContext): Transcript {
  const model = context.model ?? DOUBT_MODEL;
  const features = doubtFeatures(transcript, context);
  const levels = doubtLevels(
    transcript.segments,
    features.map((rows) => doubtProbabilities(model, rows)),
    model.thresholds,
  );
  const segments = transcript.segments.map((seg, s) => ({
    ...seg,
    tokens: seg.tokens.map((t, i) => {
      const level = levels[s]?.[i] ?? 'none';
      return { ...t, doubt: level === 'check', doubtLevel: level };
    }),
  }));
  return { ...transcript, segments };
}
