// Dates and times as printed in minutes: 令和6年11月18日（月曜日）, 午前10時, 午後1時30分. Pure.

const ERAS: { name: string; start: string; firstYear: number }[] = [
  { name: '令和', start: '2019-05-01', firstYear: 2019 },
  { name: '平成', start: '1989-01-08', firstYear: 1989 },
  { name: '昭和', start: '1926-12-25', firstYear: 1926 },
];
const WEEKDAYS = '日月火水木金土';

export function japaneseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const era = ERAS.find((e) => iso >= e.start);
  const year = era ? `${era.name}${y - era.firstYear + 1 === 1 ? '元' : y - era.firstYear + 1}年` : `${y}年`;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  return `${year}${mo}月${d}日（${weekday}曜日）`;
}

/** 'HH:MM' → 午前10時 / 午後1時30分; anything else is printed as given. */
export function japaneseTime(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return hhmm;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const half = h < 12 ? '午前' : '午後';
  return `${half}${h % 12}時${min ? `${min}分` : ''}`;
}
