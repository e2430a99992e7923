import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';

export type JaTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
export type JaToken = kuromoji.IpadicFeatures;

let loading: Promise<JaTokenizer> | null = null;

/**
 * kuromoji with the IPADIC it ships (node_modules/kuromoji/dict, read from disk: no network).
 * Building takes about a second and ~400 MB, so one tokenizer is shared by the process.
 */
export function loadTokenizer(dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict')): Promise<JaTokenizer> {
  loading ??= new Promise<JaTokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      if (err) {
        loading = null;
        reject(err);
      } else resolve(tokenizer);
    });
  });
  return loading;
}
