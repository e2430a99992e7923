// ケバ取り for the app: the editor's ケバ取り/差分 views and the export both ask here, so
// what the clerk sees is what the minutes print. Runs in the API process (Electron main
// or the bridge), with kuromoji built lazily on the first text that needs it (~2 s and
// ~340 MB once, measured here; shared with nothing else in this process) and only for
// texts where it can change the result; results are cached by rules and text.
import type { CleanSpan, CleanupRuleSetting } from '../common/api';
import { cleanText } from '../cleanup/cleanText';
import { DEFAULT_CLEANUP_RULES, type CleanupRule } from '../cleanup/cleanupRules';
import { loadTokenizer, type JaTokenizer } from '../dictionary/loadTokenizer';

/** entries kept before the cache starts over: a 4-hour meeting has ~3,000 segments */
const CACHE_LIMIT = 20_000;
const DEFAULT_FALSE_START = DEFAULT_CLEANUP_RULES.find((r) => r.kind === 'false-start')!.pattern;
/** あの/この/その before a space: only kuromoji tells the filler from the demonstrative */
const DEMONSTRATIVE_BEFORE_SPACE = /(?:あの|この|その)\s/u;
/** a 1–3 kana fragment at a phrase start followed by a pause: a possible false start (ほい、保育園) */
const KANA_FRAGMENT = /(?:^|[、。，．,.！？!?\s「」『』（）()])[ぁ-んァ-ヶ]{1,3}[、，,\s]/u;

export interface CleanupService {
  cleanTexts(texts: readonly string[], rules: readonly CleanupRuleSetting[]): Promise<CleanSpan[][]>;
}

/**
 * Whether kuromoji can change cleanText's result for `text`: cleanText consults tokens only for
 * a demonstrative before a space and for false starts. A custom rule or an edited false-start
 * pattern can start a phrase anywhere, so then every text is tokenized.
 */
export function needsTokenizer(text: string, rules: readonly CleanupRuleSetting[]): boolean {
  const active = rules.filter((r) => r.enabled);
  if (active.some((r) => r.kind === 'filler') && DEMONSTRATIVE_BEFORE_SPACE.test(text)) return true;
  const falseStart = active.filter((r) => r.kind === 'false-start');
  if (falseStart.length === 0) return false;
  if (active.some((r) => r.kind === 'custom') || falseStart.some((r) => r.pattern !== DEFAULT_FALSE_START)) return true;
  return KANA_FRAGMENT.test(text);
}

export function createCleanupService(): CleanupService {
  const cache = new Map<string, CleanSpan[]>();
  let tokenizer: JaTokenizer | null = null;
  return {
    async cleanTexts(texts, rules) {
      const ruleList = rules as CleanupRule[];
      const rulesKey = JSON.stringify(rules);
      if (!tokenizer && texts.some((t) => !cache.has(`${rulesKey}\0${t}`) && needsTokenizer(t, rules))) {
        tokenizer = await loadTokenizer();
      }
      if (cache.size > CACHE_LIMIT) cache.clear();
      return texts.map((text) => {
        const key = `${rulesKey}\0${text}`;
        let spans = cache.get(key);
        if (!spans) {
          const useTokens = tokenizer && needsTokenizer(text, rules) ? { tokenizer } : {};
          spans = cleanText(text, ruleList, useTokens).removed.map(({ start, end, rule }) => ({ start, end, rule }));
          cache.set(key, spans);
        }
        return spans;
      });
    },
  };
}

/** The verbatim text without the removed spans. */
export function applyCleanSpans(text: string, spans: readonly CleanSpan[]): string {
  let out = '';
  let from = 0;
  for (const s of spans) {
    out += text.slice(from, s.start);
    from = s.end;
  }
  return out + text.slice(from);
}
