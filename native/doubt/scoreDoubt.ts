/**
 * Marks every word of a transcript with how much the clerk should doubt it: `doubtLevel`
 * 'check' (要確認, played by the review pass), 'maybe' (念のため, shown) or 'none', and
 * `doubt: true` for 'check'. `p` stays. Pure: the tokenizer and (for tests) the model come in
 * through the context; the committed model (doubtWeights.json, learned by bench/trainDoubt.ts
 * on the tune half of the corpus) is the default.
 */
import type { DoubtLevel, Transcript } from '../common/transcript';
import { doubtFeatures, type DoubtContext } from './doubtFeatures';
import { doubtProbabilities, type DoubtModel } from './doubtModel';
import committed from './doubtWeights.json';

export const DOUBT_MODEL: DoubtModel = committed;

export interface ScoreDoubtContext extends DoubtContext {
  model?: DoubtModel;
}

export function scoreDoubt(transcript: Transcript, context: ScoreDoubtContext): Transcript {
  const model = context.model ?? DOUBT_MODEL;
  const features = doubtFeatures(transcript, context);
  const segments = transcript.segments.map((seg, s) => {
    const probabilities = doubtProbabilities(model, features[s] ?? []);
    return {
      ...seg,
      tokens: seg.tokens.map((t, i) => {
        const level = levelOf(probabilities[i] ?? 0, model);
        return { ...t, doubt: level === 'check', doubtLevel: level };
      }),
    };
  });
  return { ...transcript, segments };
}

function levelOf(probability: number, model: DoubtModel): DoubtLevel {
  if (probability >= model.thresholds.check) return 'check';
  return probability >= model.thresholds.maybe ? 'maybe' : 'none';
}
