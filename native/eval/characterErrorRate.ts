/**
 * Character error rate for Japanese, as the corpus README defines it: compare
 * after removing punctuation and spaces, folding width (NFKC) and writing every
 * number in Arabic digits (四百二十万 = 420万 = 4200000).
 */

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

export function parseJapaneseNumber(s: string): number {
  if (/^[0-9〇零一二三四五六七八九]+$/.test(s)) {
    return Number([...s].map((c) => (c >= '0' && c <= '9' ? c : String(KANJI_DIGITS[c]))).join(''));
  }
  let total = 0;
  let section = 0;
  let current = 0;
  for (const c of s) {
    if (c >= '0' && c <= '9') current = current * 10 + Number(c);
    else if (c in KANJI_DIGITS) current = current * 10 + (KANJI_DIGITS[c] ?? 0);
    else if (c in SMALL_UNITS) {
      section += (current || 1) * (SMALL_UNITS[c] ?? 1);
      current = 0;
    } else if (c in BIG_UNITS) {
      total += (section + current || 1) * (BIG_UNITS[c] ?? 1);
      section = 0;
      current = 0;
    }
  }
  return total + section + current;
}

export function normalizeForCer(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(\d),(?=\d{3})/g, '$1')
      .replace(/%/g, 'パーセント')
      .replace(/[\p{P}\p{Z}\p{S}\s]/gu, '')
      // a number ends before a unit that stands alone (万 in 万円 after no digit is a word)
      .replace(
        /[0-9〇零一二三四五六七八九][0-9〇零一二三四五六七八九十百千万億兆]*|[十百千][0-9〇零一二三四五六七八九十百千万億兆]*/g,
        (m) => String(parseJapaneseNumber(m)),
      )
  );
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Int32Array(y.length + 1).map((_, j) => j);
  let cur = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (xi === y[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length] ?? 0;
}

export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = normalizeForCer(reference);
  const hyp = normalizeForCer(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / [...ref].length;
}
