import { listMeetings } from './corpus';

/**
 * Cross-validation halves of the corpus: every threshold, prompt and decoding
 * setting is chosen on the tune half and reported on the check half. The split is
 * by sorted name, alternating, so a meeting added to the corpus lands in a half
 * without anyone choosing where. Recordings built from other meetings (`long_*`)
 * belong to neither half.
 */
export interface CorpusHalves {
  tune: string[];
  check: string[];
}

export function corpusHalves(names: string[] = listMeetings()): CorpusHalves {
  const single = names.filter((n) => !n.startsWith('long')).sort();
  return {
    tune: single.filter((_, i) => i % 2 === 0),
    check: single.filter((_, i) => i % 2 === 1),
  };
}

export function halfOf(name: string, halves: CorpusHalves = corpusHalves()): 'tune' | 'check' | 'neither' {
  if (halves.tune.includes(name)) return 'tune';
  if (halves.check.includes(name)) return 'check';
  return 'neither';
}
