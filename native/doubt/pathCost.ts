// How unlikely kuromoji finds the text as Japanese: along its best path, what each word adds to
// the path cost (word cost + connection cost), per character. Whisper's misheard kanji strings
// and broken kana read as costly, unusual words; ordinary council speech reads cheaply.
import type { JaTokenizer } from '../dictionary/loadTokenizer';

interface PathNode {
  start_pos: number;
  surface_form: string;
  shortest_cost: number;
  prev?: PathNode | null;
}
interface KuromojiInternals {
  getLattice(text: string): unknown;
  viterbi_searcher: { search(lattice: unknown): PathNode[] };
}

/** Per UTF-16 offset of `text`: the path cost per character of the word there, in thousands. */
export function pathCostPerChar(tokenizer: JaTokenizer, text: string): number[] {
  const out = new Array<number>(text.length).fill(0);
  if (text.length === 0) return out;
  const internals = tokenizer as unknown as KuromojiInternals;
  for (const node of internals.viterbi_searcher.search(internals.getLattice(text))) {
    const start = node.start_pos - 1;
    const length = node.surface_form.length;
    const step = node.shortest_cost - (node.prev?.shortest_cost ?? 0);
    if (length > 0 && start >= 0) out.fill(step / length / 1000, start, start + length);
  }
  return out;
}
