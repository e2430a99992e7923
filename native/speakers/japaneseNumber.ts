// 漢数字 up to 9999 (五, 十二, 三十四, 百二十, 一〇五) as a number. Pure.

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function kanjiToNumber(s: string): number | null {
  if (s === '' || ![...s].every((c) => c in DIGITS || c in UNITS)) return null;
  // positional: 一〇五
  if (![...s].some((c) => c in UNITS)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== null) return null;
      digit = DIGITS[c]!;
    } else {
      total += (digit ?? 1) * UNITS[c]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** Digits in a string (全角 or 漢数字) as ASCII digits: 五番 → 5番, １２番 → 12番. */
export function arabicNumbers(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[〇零一二三四五六七八九十百千]+/g, (m) => {
      const n = kanjiToNumber(m);
      return n === null ? m : String(n);
    });
}
