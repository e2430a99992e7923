import { estimatePromptTokens } from '../../native/dictionary/estimatePromptTokens';
import type { TermEntry } from '../../native/dictionary/termEntry';

export interface RosterMember {
  name: string;
  reading?: string;
  /** 委員, 議長, 保育課長 … */
  role: string;
}

export interface PromptInput {
  entries: TermEntry[];
  roster?: RosterMember[];
  /** the meeting body and subject, e.g. 〇〇市議会 厚生委員会（保育園入園選考について） */
  body?: string;
  /** surfaces used in recent meetings, most recent first */
  recentlyUsed?: string[];
  /** whisper's prompt window is 224 tokens (n_text_ctx / 2) */
  maxTokens: number;
}

/** Committee names and the subjects their meetings keep coming back to. */
const BODY_TOPICS: Array<[RegExp, string[]]> = [
  [
    /厚生|福祉|健康|子ども|子育て/,
    ['保育', '児童', '子ども', '子育て', '福祉', '介護', '高齢', '障害', '医療', '健康', '保健', '生活保護'],
  ],
  [/交通|建設|環境|まちづくり/, ['交通', 'バス', '駅', '道路', '鉄道', '自転車', '公園', '住宅', 'まちづくり', '環境', 'ごみ']],
  [/総務|財政|企画/, ['行政', '職員', '財政', '予算', '決算', '条例', '情報', 'DX', '選挙', '契約']],
  [/文教|教育|文化/, ['学校', '教育', '児童', '生徒', '図書館', '文化', 'スポーツ']],
  [/区民|市民|町民|村民|地域|防災/, ['区民', '市民', '地域', '防災', '町会', '自治会', '商店']],
  [/本会議|定例会|臨時会|議会運営/, ['会議録', '署名', '議員', '議案', '会期', '出納', '監査', '定例会']],
];
const GENERIC_BIGRAMS = new Set(['委員', '員会', '議会', '会議', 'につ', 'つい', 'いて', '定例', '例会', '本会']);

function relevance(entry: TermEntry, body: string): number {
  const hay = `${entry.surface} ${entry.note}`;
  let score = 0;
  for (const [re, words] of BODY_TOPICS) {
    if (re.test(body)) score += words.filter((w) => hay.includes(w)).length;
  }
  const bodyBigrams = new Set<string>();
  for (const run of body.match(/[\p{Script=Han}\p{Script=Katakana}ー]{2,}/gu) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) bodyBigrams.add(run.slice(i, i + 2));
  }
  for (const b of bodyBigrams) if (!GENERIC_BIGRAMS.has(b) && hay.includes(b)) score++;
  return score;
}

/**
 * A prompt in the register of council minutes, because whisper continues the prompt's style:
 * kanji, 、 and 。 in, kanji, 、 and 。 out. What fits the token budget is chosen by relevance
 * (roster, then terms fitting the body, then recently used terms, then the rest in dictionary
 * order); an item that does not fit is skipped, never cut in half.
 */
const TAIL = 'ただいまから本日の会議を開きます。';

export function buildPrompt(input: PromptInput): string {
  const body = (input.body ?? '').trim();
  const head = `${body === '' ? '議会' : body}の会議録です。`;
  const enabled = input.entries.filter((e) => e.enabled);
  const names = (input.roster ?? []).map((m) => m.name.trim()).filter((n) => n !== '');
  // 保育課長 is worth steering towards; 委員 and 議長 whisper writes well anyway.
  const roles = (input.roster ?? []).map((m) => m.role.trim()).filter((r) => r.length >= 3);
  const relevant = enabled
    .map((e, i) => ({ e, i, score: body === '' ? 0 : relevance(e, body) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.e.surface);
  const enabledSurfaces = new Set(enabled.map((e) => e.surface));
  const recent = (input.recentlyUsed ?? []).filter((s) => enabledSurfaces.has(s));
  const termOrder = [...roles, ...relevant, ...recent, ...enabled.map((e) => e.surface)];

  const chosenNames: string[] = [];
  const chosenTerms: string[] = [];
  // whisper continues from the prompt's last words: ending on a full council sentence keeps its
  // punctuation and register (a bare list of terms raised CER on m02 from 0.161 to 0.205)
  const render = (): string =>
    head +
    (chosenNames.length ? `出席者：${chosenNames.join('、')}。` : '') +
    (chosenTerms.length ? `${chosenTerms.join('、')}。` : '') +
    TAIL;
  const fits = (): boolean => estimatePromptTokens(render()) <= input.maxTokens;
  if (!fits()) return '';
  const seen = new Set<string>();
  for (const [list, item] of [...names.map((n) => [chosenNames, n] as const), ...termOrder.map((t) => [chosenTerms, t] as const)]) {
    if (seen.has(item)) continue;
    seen.add(item);
    list.push(item);
    if (!fits()) list.pop();
  }
  return render();
}
