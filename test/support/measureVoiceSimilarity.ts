// Not a test: prints cosine similarities between the corpus voices (node dist/test/support/measureVoiceSimilarity.js).
import { join } from 'node:path';
import { corpusDir } from '../../native/eval/corpus';
import { embeddingModel, speakerEmbeddings } from './speakerEmbeddings';
import { readRttm } from './speakersFromRttm';

async function main(): Promise<void> {
  const model = embeddingModel()!;
  const all = new Map<string, number[]>();
  for (const m of ['m01_honkaigi_kaikai', 'm02_kosei_hoikuen', 'm03_kotsu_chiibasu']) {
    const dir = join(corpusDir()!, m);
    const e = await speakerEmbeddings(join(dir, 'audio.flac'), readRttm(join(dir, 'reference.rttm')), model);
    for (const [k, v] of e) all.set(`${m.slice(0, 3)}:${k}`, v);
    // the same voice against itself: odd against even turns
    const turns = readRttm(join(dir, 'reference.rttm'));
    const odd = await speakerEmbeddings(
      join(dir, 'audio.flac'),
      turns.filter((_, i) => i % 2 === 1),
      model,
    );
    const even = await speakerEmbeddings(
      join(dir, 'audio.flac'),
      turns.filter((_, i) => i % 2 === 0),
      model,
    );
    for (const [k, v] of odd) {
      const w = even.get(k);
      if (w) console.log('self', v.reduce((s, x, i) => s + x * w[i]!, 0).toFixed(3), m.slice(0, 3), k);
    }
  }
  const keys = [...all.keys()];
  const rows: [string, string, number][] = [];
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) {
      const a = all.get(keys[i]!)!;
      const b = all.get(keys[j]!)!;
      rows.push([keys[i]!, keys[j]!, a.reduce((s, x, k) => s + x * b[k]!, 0)]);
    }
  rows.sort((a, b) => b[2] - a[2]);
  for (const r of rows) console.log(r[2].toFixed(3), r[0], r[1]);
}
void main();
