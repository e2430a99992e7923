// Katakana readings for what kuromoji leaves without one: digits ("10番" in whisper output),
// romaji ("Azab") and acronyms ("AI"). Whisper writes these for spoken names surprisingly often.
import { toKatakana } from './kana';

const DIGIT = ['', 'イチ', 'ニ', 'サン', 'ヨン', 'ゴ', 'ロク', 'ナナ', 'ハチ', 'キュウ'];
const HUNDREDS: Record<number, string> = { 1: 'ヒャク', 3: 'サンビャク', 6: 'ロッピャク', 8: 'ハッピャク' };
const THOUSANDS: Record<number, string> = { 1: 'セン', 3: 'サンゼン', 8: 'ハッセン' };

function below10000(n: number): string {
  const th = Math.floor(n / 1000),
    h = Math.floor(n / 100) % 10,
    t = Math.floor(n / 10) % 10,
    o = n % 10;
  return (
    (th ? (THOUSANDS[th] ?? DIGIT[th] + 'セン') : '') +
    (h ? (HUNDREDS[h] ?? DIGIT[h] + 'ヒャク') : '') +
    (t ? (t === 1 ? '' : DIGIT[t]) + 'ジュウ' : '') +
    DIGIT[o]
  );
}

export function numberReading(digits: string): string | null {
  const ascii = digits.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,8}$/.test(ascii)) return null;
  const n = Number(ascii);
  if (n === 0) return 'ゼロ';
  const man = Math.floor(n / 10000);
  return (man ? below10000(man) + 'マン' : '') + below10000(n % 10000);
}

const LETTER_NAMES: Record<string, string> = {
  A: 'エー',
  B: 'ビー',
  C: 'シー',
  D: 'ディー',
  E: 'イー',
  F: 'エフ',
  G: 'ジー',
  H: 'エイチ',
  I: 'アイ',
  J: 'ジェー',
  K: 'ケー',
  L: 'エル',
  M: 'エム',
  N: 'エヌ',
  O: 'オー',
  P: 'ピー',
  Q: 'キュー',
  R: 'アール',
  S: 'エス',
  T: 'ティー',
  U: 'ユー',
  V: 'ブイ',
  W: 'ダブリュー',
  X: 'エックス',
  Y: 'ワイ',
  Z: 'ゼット',
};

const ROMAJI: Array<[string, string]> = Object.entries({
  kya: 'きゃ',
  kyu: 'きゅ',
  kyo: 'きょ',
  sha: 'しゃ',
  shu: 'しゅ',
  sho: 'しょ',
  shi: 'し',
  chi: 'ち',
  tsu: 'つ',
  cha: 'ちゃ',
  chu: 'ちゅ',
  cho: 'ちょ',
  nya: 'にゃ',
  nyu: 'にゅ',
  nyo: 'にょ',
  hya: 'ひゃ',
  hyu: 'ひゅ',
  hyo: 'ひょ',
  rya: 'りゃ',
  ryu: 'りゅ',
  ryo: 'りょ',
  gya: 'ぎゃ',
  gyu: 'ぎゅ',
  gyo: 'ぎょ',
  ja: 'じゃ',
  ju: 'じゅ',
  jo: 'じょ',
  ji: 'じ',
  fu: 'ふ',
  ka: 'か',
  ki: 'き',
  ku: 'く',
  ke: 'け',
  ko: 'こ',
  sa: 'さ',
  su: 'す',
  se: 'せ',
  so: 'そ',
  ta: 'た',
  te: 'て',
  to: 'と',
  na: 'な',
  ni: 'に',
  nu: 'ぬ',
  ne: 'ね',
  no: 'の',
  ha: 'は',
  hi: 'ひ',
  he: 'へ',
  ho: 'ほ',
  ma: 'ま',
  mi: 'み',
  mu: 'む',
  me: 'め',
  mo: 'も',
  ya: 'や',
  yu: 'ゆ',
  yo: 'よ',
  ra: 'ら',
  ri: 'り',
  ru: 'る',
  re: 'れ',
  ro: 'ろ',
  wa: 'わ',
  wo: 'を',
  ga: 'が',
  gi: 'ぎ',
  gu: 'ぐ',
  ge: 'げ',
  go: 'ご',
  za: 'ざ',
  zu: 'ず',
  ze: 'ぜ',
  zo: 'ぞ',
  da: 'だ',
  de: 'で',
  do: 'ど',
  ba: 'ば',
  bi: 'び',
  bu: 'ぶ',
  be: 'べ',
  bo: 'ぼ',
  pa: 'ぱ',
  pi: 'ぴ',
  pu: 'ぷ',
  pe: 'ぺ',
  po: 'ぽ',
  a: 'あ',
  i: 'い',
  u: 'う',
  e: 'え',
  o: 'お',
}).sort((x, y) => y[0].length - x[0].length);

/** Hepburn romaji to katakana; a consonant left without a vowel is read with u ("Azab" → アザブ). */
export function romajiReading(word: string): string | null {
  const s = word.toLowerCase();
  if (!/^[a-z]+$/.test(s)) return null;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const next = s[i + 1];
    if (s[i] === 'n' && (next === undefined || !'aiueoy'.includes(next))) {
      out += 'ん';
      i++;
      continue;
    }
    if (next !== undefined && s[i] === next && !'aiueon'.includes(next)) {
      out += 'っ';
      i++;
      continue;
    }
    const hit = ROMAJI.find(([r]) => s.startsWith(r, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
      continue;
    }
    const withU = ROMAJI.find(([r]) => r === s[i] + 'u');
    if (!withU) return null;
    out += withU[1];
    i++;
  }
  return toKatakana(out);
}

/** An all-capital word is spelled out (AI → エーアイ); any other Latin word is read as romaji. */
export function latinReading(word: string): string | null {
  const letters = word.replace(/[Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^[A-Z]{1,6}$/.test(letters)) return [...letters].map((c) => LETTER_NAMES[c]).join('');
  return romajiReading(letters);
}
