// 算用数字 ↔ 漢数字 in running Japanese text, for a council's house style. Pure.
// Arabic → kanji is mechanical. Kanji → Arabic is not: 四万十, 六本木, 一般, 十分 (enough) and
// 一番大事 hold numerals that are words, so a kanji numeral is converted only when a counter
// follows it (年, 月, 号, 人 …) or 第 precedes it, and never right after an unrelated kanji.

const KANJI_DIGITS = '〇一二三四五六七八九';
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS = ['', '万', '億', '兆'];

function halfWidth(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

function digitByDigit(digits: string): string {
  return [...digits].map((d) => KANJI_DIGITS[Number(d)]).join('');
}

/** 0..9999 → 〇, 五, 十二, 百二十, 千五 (一 is dropped before 十百千, as printed). */
function groupToKanji(n: number): string {
  let out = '';
  for (const [unit, value] of [
    ['千', 1000],
    ['百', 100],
    ['十', 10],
  ] as const) {
    const d = Math.floor(n / value) % 10;
    if (d > 0) out += (d === 1 ? '' : KANJI_DIGITS[d]) + unit;
  }
  const ones = n % 10;
  return ones > 0 ? out + KANJI_DIGITS[ones] : out;
}

/** 4200000 → 四百二十万; 0 → 〇. Digit strings longer than 兆 are read out digit by digit. */
export function integerToKanji(digits: string): string {
  const clean = digits.replace(/^0+(?=\d)/, '');
  if (clean === '0') return '〇';
  if (clean.length > 16) return digitByDigit(clean);
  const groups: string[] = [];
  for (let end = clean.length; end > 0; end -= 4) groups.unshift(clean.slice(Math.max(0, end - 4), end));
  return groups
    .map((g, i) => {
      const n = Number(g);
      return n === 0 ? '' : groupToKanji(n) + BIG_UNITS[groups.length - 1 - i];
    })
    .join('');
}

const ARABIC_RUN =
  /(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９\-‐－_/.:@])[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９\-‐－_/:@])/g;

export function toKanjiNumerals(text: string): string {
  return text.replace(ARABIC_RUN, (run, offset: number) => {
    const [intPart = '', frac] = halfWidth(run).replace(/,/g, '').replace(/，/g, '').replace(/．/g, '.').split('.');
    const after = text.slice(offset + run.length, offset + run.length + 1);
    // 西暦 and codes with leading zeros are read digit by digit: 二〇二四年
    const spelled =
      (intPart.length === 4 && after === '年') || (intPart.length > 1 && intPart.startsWith('0'))
        ? digitByDigit(intPart)
        : integerToKanji(intPart);
    return frac === undefined ? spelled : `${spelled}・${digitByDigit(frac)}`;
  });
}

const KANJI_RUN = /[〇零一二三四五六七八九十百千][〇零一二三四五六七八九十百千万億兆]*/g;

/** Following words that make a kanji numeral a count or an ordinal. Longest first where they overlap. */
const COUNTERS = [
  '年度',
  '年',
  'か月',
  'カ月',
  'ヶ月',
  'ケ月',
  '箇月',
  '月',
  '日間',
  '日',
  '時間',
  '時',
  '分',
  '秒',
  '週間',
  '週',
  '回',
  '号',
  '番地',
  '番',
  '条',
  '項',
  '款',
  '件',
  '人',
  '名',
  '円',
  '歳',
  '期',
  '割',
  '階',
  '倍',
  '校',
  '園',
  '台',
  '点',
  '区',
  '丁目',
  '世帯',
  '戸',
  '棟',
  'カ所',
  'か所',
  '箇所',
  'ヶ所',
  '社',
  '団体',
  '施設',
  '次',
  '億',
  '万',
  'パーセント',
  '％',
  '%',
  'メートル',
  'キロ',
  '平方',
];
/** A kanji right before the numeral that still lets it be a number (era names end in 和/成/正/治). */
const ALLOWED_BEFORE = new Set([...'第約計全各毎満前後同翌和成正治月年日時号条項款回及並〜～']);
const HAN = /\p{Script=Han}/u;

function kanjiGroupValue(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const unit = SMALL_UNITS[ch];
    if (unit !== undefined) {
      total += (digit || 1) * unit;
      digit = 0;
    } else {
      digit = ch === '零' ? 0 : KANJI_DIGITS.indexOf(ch);
    }
  }
  return total + digit;
}

/** 四百二十万 → 420万, 一億二千万 → 1億2000万, 二〇二四 → 2024. */
export function kanjiRunToArabic(run: string): string {
  const spelled = (s: string): string => [...s].map((c) => String(c === '零' ? 0 : KANJI_DIGITS.indexOf(c))).join('');
  return run.replace(/[^万億兆]+/g, (group) => (/[十百千]/.test(group) ? String(kanjiGroupValue(group)) : spelled(group)));
}

function isWordNotNumber(text: string, run: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const prev = before.slice(-1);
  const after = text.slice(start + run.length, start + run.length + 3);
  if (prev && HAN.test(prev) && !ALLOWED_BEFORE.has(prev)) return true; // 四万十, 統一, 数十万
  if (run === '十' && after.startsWith('分') && prev !== '時') return true; // 十分 (enough)
  if (run === '一') {
    if (after.startsWith('時') && !/午[前後]$/.test(before)) return true; // 一時的, 一時休憩
    if (/^番[\p{Script=Hiragana}\p{Script=Han}]/u.test(after) && !/^番[議委]/.test(after)) return true; // 一番大事
    if (/^人(一人|ひとり)/.test(text.slice(start + 1, start + 5)) || after.startsWith('日も')) return true;
  }
  return false;
}

export function toArabicNumerals(text: string): string {
  return text.replace(KANJI_RUN, (run, offset: number) => {
    const after = text.slice(offset + run.length, offset + run.length + 5);
    const counted = text[offset - 1] === '第' || COUNTERS.some((c) => after.startsWith(c)) || /[万億兆]$/.test(run);
    if (!counted || isWordNotNumber(text, run, offset)) return run;
    return kanjiRunToArabic(run);
  });
}

export function convertNumerals(text: string, numerals: 'arabic' | 'kanji'): string {
  return numerals === 'kanji' ? toKanjiNumerals(text) : toArabicNumerals(text);
}
