// Minutes large enough (~2,000 turns, ~1 MB of text) that writing them takes long enough to be killed midway.
import type { MinutesDocument, MinutesItem } from '../../native/export/minutes/minutesModel';

/** no numerals: the exporter converts those */
export const LAST_LINE = '本日はこれをもって散会いたします';

export function versionTitle(n: number): string {
  return `令和6年第4回定例会会議録（版${n}）`;
}

export function bigMinutes(version: number, turns = 2000): MinutesDocument {
  const items: MinutesItem[] = [{ kind: 'time', text: '午前十時開会' }];
  for (let i = 0; i < turns; i++) {
    items.push({
      kind: 'turn',
      speaker: { role: i % 2 ? '区長' : '議長', name: i % 2 ? '武藤正人' : '池田隆之' },
      text: `第${i}発言。ただいまから本日の会議を開きます。保育園の待機児童対策について、区の考え方を伺います。`.repeat(3),
    });
  }
  items.push({ kind: 'time', text: LAST_LINE });
  return {
    title: versionTitle(version),
    meeting: { date: '2024-12-02', startTime: '10:00', place: '議場', body: '本会議' },
    attendance: {
      present: [{ name: '鈴木健太郎', seat: 1 }],
      absent: [],
      explainers: [{ name: '武藤正人', role: '区長' }],
      secretariat: [],
    },
    agenda: ['日程第一　会議録署名議員の指名'],
    items,
  };
}
