// Kana helpers shared by import (readings are stored in hiragana) and term correction
// (readings are compared in katakana, the form kuromoji gives).

const KATA_START = 0x30a1;
const KATA_END = 0x30f6;
const HIRA_START = 0x3041;
const HIRA_END = 0x3096;
const SHIFT = KATA_START - HIRA_START;

export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - SHIFT));
}

export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + SHIFT));
}

export function isKanaOnly(s: string): boolean {
  return /^[\u3041-\u3096\u309b-\u309f\u30a1-\u30fa\u30fc-\u30ff・ 　]+$/u.test(s);
}

export function hasKanji(s: string): boolean {
  return /[\p{Script=Han}々〆]/u.test(s);
}

export function isKanaCode(code: number): boolean {
  return (code >= HIRA_START && code <= HIRA_END) || (code >= KATA_START && code <= KATA_END) || code === 0x30fc;
}

const VOWEL_ROWS: Array<[string, string]> = [
  ['ア', 'アカガサザタダナハバパマヤャラワァ'],
  ['イ', 'イキギシジチヂニヒビピミリィ'],
  ['ウ', 'ウクグスズツヅヌフブプムユュルゥヴ'],
  ['エ', 'エケゲセゼテデネヘベペメレェ'],
  ['オ', 'オコゴソゾトドノホボポモヨョロヲォ'],
];
const VOWEL_OF = new Map<string, string>();
for (const [v, row] of VOWEL_ROWS) for (const c of row) VOWEL_OF.set(c, v);

/**
 * Katakana reading for comparison: ー spelled as the vowel it lengthens, small vowels made
 * full size, spaces and ・ dropped, so スズキーイン and スズキイイン compare equal.
 */
export function comparableReading(reading: string): string {
  let out = '';
  for (const c of toKatakana(reading).replace(/[・\s]/g, '')) {
    if (c === 'ー' || c === '〜' || c === '～') out += VOWEL_OF.get(out.at(-1) ?? '') ?? '';
    else if ('ァィゥェォ'.includes(c)) out += 'アイウエオ'['ァィゥェォ'.indexOf(c)];
    else out += c;
  }
  return out;
}

/** Splits a katakana reading into morae: キョ and ジュ are one, ン and ッ are one each. */
export function morae(reading: string): string[] {
  const out: string[] = [];
  for (const c of reading) {
    if ('ャュョヮ'.includes(c) && out.length > 0) out[out.length - 1] += c;
    else out.push(c);
  }
  return out;
}

/** Levenshtein distance over morae, stopping early once it exceeds `limit`. */
export function moraDistance(a: string[], b: string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
