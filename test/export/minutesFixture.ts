// A MinutesDocument built from the corpus plenary opening (m01): real turns, invented names where
// the corpus has none (議長, 事務局長, 区長), members from dictionary.tsv.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MinutesDocument, MinutesItem, MinutesSpeaker } from '../../native/export/minutes/minutesModel';
import { SHARED } from '../helpers/fixtures';

interface ReferenceSegment {
  speaker: string;
  text: string;
  text_clean: string;
}

export const REFERENCE = join(process.env['GIJIROKU_CORPUS'] ?? join(SHARED, 'corpus'), 'm01_honkaigi_kaikai', 'reference.json');
export const NO_REFERENCE = `skipped: ${REFERENCE} not found (set GIJIROKU_CORPUS)`;

const SPEAKERS: Record<string, MinutesSpeaker> = {
  gicho: { role: '議長', name: '池田隆之' },
  jimukyokucho: { role: '事務局長', name: '佐藤弘樹' },
  kucho: { role: '区長', name: '武藤正人' },
};

function memberNames(): string[] {
  const dict = join(REFERENCE, '..', '..', 'dictionary.tsv');
  if (!existsSync(dict)) return ['鈴木健太郎', '山本由美子'];
  return readFileSync(dict, 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c[2] === '議員名')
    .map((c) => c[0] ?? '');
}

/** Where the plenary moves on to the next 日程 (turn index → title of the new item). */
const BREAKS: Record<number, string> = {
  1: '日程第一　会議録署名議員の指名',
  3: '諸般の報告',
  6: '日程第二　会期の決定',
  8: '区長の招集あいさつ',
};

export function corpusMinutes(): MinutesDocument {
  const ref = JSON.parse(readFileSync(REFERENCE, 'utf8')) as { segments: ReferenceSegment[] };
  const [suzuki = '鈴木健太郎', yamamoto = '山本由美子'] = memberNames();
  const items: MinutesItem[] = [{ kind: 'time', text: '午前十時開会' }];
  ref.segments.forEach((s, i) => {
    const title = BREAKS[i];
    if (title) items.push({ kind: 'agendaBreak', title });
    const speaker = SPEAKERS[s.speaker] ?? { role: s.speaker, name: '' };
    items.push({ kind: 'turn', speaker, text: s.text, clean: s.text_clean });
    if (s.text.includes('ご異議ございませんか')) items.push({ kind: 'stage', text: '「異議なし」と呼ぶ者あり' });
  });
  items.push({ kind: 'time', text: '午前十時二分散会' });
  return {
    title: '令和六年第四回港区議会定例会会議録（第一号）',
    meeting: { date: '2024-11-18', startTime: '10:00', place: '港区議会議場', body: '本会議' },
    attendance: {
      present: [
        { seat: 1, name: '中村美咲' },
        { seat: 2, name: '小林大輔' },
        { seat: 5, name: suzuki },
        { seat: 12, name: yamamoto },
        { seat: 20, name: '高橋誠一' },
        { seat: 34, name: '池田隆之' },
      ],
      absent: [],
      explainers: [
        { role: '区長', name: '武藤正人' },
        { role: '副区長', name: '渡辺恵子' },
        { role: '子ども家庭支援部長', name: '加藤直樹' },
      ],
      secretariat: [
        { role: '事務局長', name: '佐藤弘樹' },
        { role: '議事係長', name: '伊藤真理' },
      ],
    },
    agenda: ['日程第一　会議録署名議員の指名', '日程第二　会期の決定'],
    items,
  };
}

/** A long meeting: the corpus turns over and over, with 〔 〕, time notes and rules in between. */
export function longMinutes(turns: number): MinutesDocument {
  const base = corpusMinutes();
  const cycle = base.items;
  const items: MinutesItem[] = [];
  let count = 0;
  for (let i = 0; count < turns; i++) {
    const item = cycle[i % cycle.length] as MinutesItem;
    if (item.kind === 'turn') {
      count++;
      // varied text, so the zip cannot fold 3,000 identical turns into a few bytes
      items.push({
        ...item,
        text: `${item.text}これは${count}番目の発言で、${(count * 7919) % 100000}円に関するものです。`,
        clean: undefined,
      });
    } else {
      items.push(item);
    }
  }
  return { ...base, items };
}
