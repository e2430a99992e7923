import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadMeeting } from '../native/eval/corpus';
import type { MinutesItem } from '../native/export/minutes/minutesModel';
import { writeMinutesDocx } from '../native/export/minutes/writeDocx';

/** Seconds to write the .docx of a 4-hour meeting (3,000 turns of corpus sentences). */
export async function benchExport(out: string): Promise<number> {
  const sentences = ['m01_honkaigi_kaikai', 'm02_kosei_hoikuen', 'm03_kotsu_chiibasu', 'long_council_20min'].flatMap(
    (n) => loadMeeting(n).segments,
  );
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
