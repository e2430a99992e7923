/** How whisper decodes. One place, so the engine, the bench and the bare-tool comparison agree. */
export interface DecodeOptions {
  language: string;
  threads: number;
  beamSize: number;
  bestOf: number;
  /** temperature step for whisper's fallback; 0 disables fallback */
  temperatureInc: number;
  entropyThold: number;
  logprobThold: number;
  /** fixed prompt given to every piece; never text decoded from earlier audio */
  prompt: string;
  /**
   * whisper.cpp's alignment-head preset for DTW word times ('base', 'large.v3' …; '' = none).
   * Word times then come from the cross-attention, not from a guess between timestamps.
   */
  dtw: string;
}

/**
 * Beam search (5, whisper's own default) and no prompt: chosen on the corpus's tune half
 * (bench/tune/tuneDecoding.ts) and confirmed on the check half. Greedy decoding with a council
 * prompt, chosen before on three meetings, lost whole pieces on fast turn-taking; a prompt
 * (neutral, the meeting's title, or the term list) did not lower CER with beam search, and
 * the term list in the prompt raised it (whisper steered into words that were not said); the text of the
 * piece before as the prompt (whisper's own context, made resumable) helped one meeting and hurt two.
 * Fallback steps of 0.4 bound the retries to two (temperatures 0.4 and 0.8) instead of five.
 */
export const DEFAULT_DECODE: DecodeOptions = {
  language: 'ja',
  threads: 0,
  beamSize: 5,
  bestOf: 5,
  temperatureInc: 0.4,
  entropyThold: 2.4,
  logprobThold: -1.0,
  prompt: '',
  dtw: '',
};

/** Arguments shared by our engine and the bare whisper-cli run in the bench. Pure. */
export function decodeArgs(o: DecodeOptions): string[] {
  const args = [
    '-l',
    o.language,
    '-t',
    String(o.threads),
    '-bs',
    String(o.beamSize),
    '-bo',
    String(o.bestOf),
    '-et',
    String(o.entropyThold),
    '-lpt',
    String(o.logprobThold),
  ];
  if (o.temperatureInc > 0) args.push('-tpi', String(o.temperatureInc));
  else args.push('-nf');
  if (o.prompt) args.push('--prompt', o.prompt);
  // whisper.cpp computes DTW times only without flash attention
  if (o.dtw) args.push('-nfa', '-dtw', o.dtw);
  return args;
}
