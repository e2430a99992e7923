// How a chair hands the floor to someone, as data. Each rule looks at the end of a chair's turn
// (punctuation and spaces removed, 漢数字 seat numbers as digits) and names who is called; add a
// rule here to teach the labeller a council's own phrasing.
import { normaliseSeat } from './parseRosterFile';

export interface CallRule {
  id: string;
  /** anchored at the end of the turn; named groups: seat, name, role */
  pattern: RegExp;
  /** how sure one such call makes us that the next voice is the one called, 0..1 */
  weight: number;
  /** shown to the clerk: 「指名」「発言の許可」… */
  ja: string;
}

// whisper writes 委員 and 議員 by ear too: 山元いん, スズキーイン (the ー swallowed the イ), 鈴木銀 (ぎいん heard as ぎん)
const HONORIFIC = '(?:君|くん|委員|議員|さん|氏|イイン|いいん|ーイン|ーいん|イン|いん|ぎん|ギン|銀)';

export const CALL_RULES: readonly CallRule[] = [
  // 5番、鈴木健太郎君。 / 5番鈴木委員。
  { id: 'seat-name', pattern: new RegExp(`(?<seat>\\d+)番(?<name>[^\\d]{1,8}?)${HONORIFIC}?$`), weight: 0.95, ja: '議席と氏名での指名' },
  // 5番。
  { id: 'seat', pattern: /(?<seat>\d+)番$/, weight: 0.9, ja: '議席での指名' },
  // 鈴木委員。 山本君。 鈴木健太郎議員。
  { id: 'name', pattern: new RegExp(`(?<name>[^\\d]{1,8})${HONORIFIC}$`), weight: 0.9, ja: '氏名での指名' },
  // 5番、鈴木健太郎議員の発言を許します。
  {
    id: 'permit',
    pattern: new RegExp(`(?:(?<seat>\\d+)番)?(?<name>[^\\d]{1,8}?)${HONORIFIC}?の発言を許します$`),
    weight: 0.9,
    ja: '発言の許可',
  },
  // 保育課長。 区長。 副議長。 (the 職名 is matched against the roster)
  { id: 'role', pattern: /(?<role>[^\d]{1,10})$/, weight: 0.85, ja: '職名での指名' },
  // 事務局長に諸般の報告をさせます。 区長に答弁を求めます。
  // whisper hears the particle に as the digit 2 (m01: 「事務局長2書判の報告をさせます」)
  {
    id: 'delegate',
    pattern: /(?<role>[^\d]{1,10}?)(?:から|に|2)[^\d]{0,16}(?:させます|を求めます|をお願いします|願います)$/,
    weight: 0.7,
    ja: '報告・答弁の依頼',
  },
];

/**
 * A call heard at the start of the next voice's turn: when the chair's last words and the next
 * speaker's first words are one piece of audio, whisper and the diarizer often give the call to the
 * person called (「スズキーイン あの AI による…」). Weaker than a call in the chair's own turn.
 */
export const HEAD_CALL_RULES: readonly CallRule[] = [
  { id: 'head-name', pattern: new RegExp(`^(?<name>[^\\d]{2,8}?)${HONORIFIC}`), weight: 0.6, ja: '次の発言の冒頭に聞こえた指名' },
];

/** The first words of a turn as the head rules see them. */
export function callHead(text: string, maxChars = 14): string {
  return text.replace(/[\s　、，,・「」『』]/g, '').slice(0, maxChars);
}

const TRAILING_FILLER = /(?:え[えー〜]*|あの[ー〜]*|ま[あー〜]+|ええと)+$/u;

/** The last sentence of a turn as the rules see it: no punctuation or spaces, seat numbers as digits. */
export function callTail(text: string, maxChars = 40): string {
  const plain = text.replace(/[\s　、，,・「」『』]/g, '').replace(/[。．.！!？?]+$/, '');
  // the next speaker's first filler often lands in the chair's segment: 「山元いん「え、」
  const lastSentence = plain.slice(plain.search(/[^。．.！!？?]*$/)).replace(TRAILING_FILLER, '');
  return lastSentence.slice(-maxChars).replace(/([〇一二三四五六七八九十百０-９]+)番/g, (m, n: string) => {
    const v = normaliseSeat(n);
    return v ? `${v}番` : m;
  });
}
