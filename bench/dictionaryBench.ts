import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript } from '../native/common/transcript';
import { parseTermFile } from '../native/dictionary/parseTermFile';
import { termRecall } from '../native/dictionary/termRecall';
import { characterErrorRate } from '../native/eval/characterErrorRate';
import { corpusDir, loadMeeting } from '../native/eval/corpus';
import type { MinutesItem } from '../native/export/minutes/minutesModel';
import { writeMinutesDocx } from '../native/export/minutes/writeDocx';
import { runOurs } from './engines';

/** What a clerk would type as the meeting's 会議体 for each corpus file. */
const BODIES: Record<string, string> = {
  m01_honkaigi_kaikai: '港区議会 本会議',
  m02_kosei_hoikuen: '厚生委員会',
  m03_kotsu_chiibasu: '交通・環境等対策特別委員会',
};

export interface DictionaryRow {
  file: string;
  recall_without: number;
  recall_with: number;
  cer_without: number;
  cer_with: number;
  terms_in_reference: number;
}

/** Term recall and CER with and without ../shared/corpus/dictionary.tsv; the runs without are the engine section's. */
export async function benchDictionary(model: string, out: string): Promise<DictionaryRow[]> {
  const dictPath = join(corpusDir() ?? '', 'dictionary.tsv');
  const entries = parseTermFile(readFileSync(dictPath), dictPath).entries;
  const rows: DictionaryRow[] = [];
  for (const [name, body] of Object.entries(BODIES)) {
    const m = loadMeeting(name);
    const without = JSON.parse(readFileSync(join(out, `${name}.ours.json`), 'utf8')) as Transcript;
    process.stderr.write(`bench: ${name} · gijiroku --dictionary … `);
    const run = await runOurs(m.audio, model, join(out, `${name}.dict.json`), ['--dictionary', dictPath, '--body', body]);
    process.stderr.write(`${run.wallS.toFixed(1)} s\n`);
    const textWithout = without.segments.map((s) => s.text).join('');
    const textWith = run.segments.map((s) => s.text).join('');
    const before = termRecall(m.text, textWithout, entries);
    const after = termRecall(m.text, textWith, entries);
    rows.push({
      file: name,
      recall_without: round(before.recall),
      recall_with: round(after.recall),
      cer_without: round(characterErrorRate(m.text, textWithout)),
      cer_with: round(characterErrorRate(m.text, textWith)),
      terms_in_reference: before.expected,
    });
  }
  return rows;
}

/** Seconds to write the .docx of a 4-hour meeting (3,000 turns of corpus sentences). */
export async function benchExport(out: string): Promise<number> {
  const sentences = ['m01_honkaigi_kaikai', 'm02_kosei_hoikuen', 'm03_kotsu_chiibasu', 'long_council_20min']
    .flatMap((n) => loadMeeting(n).segments);
  const items: MinutesItem[] = [];
  for (let i = 0; items.length < 3000; i++) {
    const s = sentences[i % sentences.length];
    if (!s) break;
    items.push({ kind: 'turn', speaker: { name: `議員${i % 30}`, role: `${(i % 30) + 1}番` }, text: `${s.text}（${i}）` });
  }
  const path = join(out, 'export-3000-turns.docx');
  const t0 = performance.now();
  await writeMinutesDocx(path, {
    title: '令和6年第4回港区議会定例会会議録（第1号）',
    meeting: { date: '2024-11-18', startTime: '10:00', place: '港区議会議場', body: '本会議' },
    attendance: { present: [], absent: [], explainers: [], secretariat: [] },
    agenda: [],
    items,
  });
  const s = (performance.now() - t0) / 1000;
  rmSync(path, { force: true });
  return round(s, 2);
}

function round(x: number, d = 3): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}
