import { toKatakana } from '../dictionary/kana';
import type { JaToken, JaTokenizer } from '../dictionary/loadTokenizer';
import { ruleRegExp, type CleanupRule } from './cleanupRules';

export interface RemovedSpan {
  /** char offsets in the verbatim text */
  start: number;
  end: number;
  text: string;
  /** id of the rule that removed it */
  rule: string;
}

export interface CleanResult {
  clean: string;
  removed: RemovedSpan[];
}

export interface CleanOptions {
  /** kuromoji: tells a demonstrative あの from a filler before a space, and finds false starts */
  tokenizer?: JaTokenizer;
}

const PHRASE_BREAK = /[、。，．,.！？!?\s「」『』（）()]/u;
const SEPARATOR = /[、，,\s]+/uy;
const DEMONSTRATIVES = new Set(['あの', 'この', 'その']);

/** ケバ取り: the verbatim text stays as it is; the clean text and every removal are returned. */
export function cleanText(verbatim: string, rules: CleanupRule[], options: CleanOptions = {}): CleanResult {
  const active = rules.filter((r) => r.enabled).map((r) => ({ rule: r, re: ruleRegExp(r.pattern) }));
  const tokens = options.tokenizer ? options.tokenizer.tokenize(verbatim) : null;
  const fillers = active.filter((a) => a.rule.kind === 'filler');
  // where the text goes on after any fillers at `at` (「新規、あのー、新規就農者」: the repeat is heard through them)
  const pastFillers = (at: number): number => {
    for (let moved = true; moved;) {
      moved = false;
      for (const { rule, re } of fillers) {
        const end = matchRule(rule, re, verbatim, at, tokens, (x) => x);
        if (end > at) {
          at = end;
          moved = true;
          break;
        }
      }
    }
    return at;
  };
  const removed: RemovedSpan[] = [];
  let p = 0;
  let lastEnd = -1;
  while (p < verbatim.length) {
    const phraseStart = p === 0 || p === lastEnd || PHRASE_BREAK.test(verbatim[p - 1]!);
    let end = -1;
    let ruleId = '';
    for (const { rule, re } of active) {
      if (rule.kind !== 'custom' && !phraseStart) continue;
      end = matchRule(rule, re, verbatim, p, tokens, pastFillers);
      if (end > p) {
        ruleId = rule.id;
        break;
      }
    }
    if (end > p) {
      removed.push({ start: p, end, text: verbatim.slice(p, end), rule: ruleId });
      p = lastEnd = end;
    } else {
      p++;
    }
  }
  let clean = '';
  let from = 0;
  for (const r of removed) {
    clean += verbatim.slice(from, r.start);
    from = r.end;
  }
  clean += verbatim.slice(from);
  return { clean, removed };
}

function matchAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m && m[0].length > 0 ? at + m[0].length : -1;
}

/** Where the removal ends, or -1 when the rule does not apply at `p`. */
function matchRule(
  rule: CleanupRule,
  re: RegExp,
  text: string,
  p: number,
  tokens: JaToken[] | null,
  pastFillers: (at: number) => number,
): number {
  const wordEnd = matchAt(re, text, p);
  if (wordEnd < 0) return -1;
  if (rule.kind === 'custom') return wordEnd;
  const sepEnd = matchAt(SEPARATOR, text, wordEnd);
  if (rule.kind === 'filler') {
    // 「…思います、えー。」 keeps its 。: only a filler that ends the text goes without a separator.
    if (sepEnd < 0) return wordEnd === text.length ? wordEnd : -1;
    const word = text.slice(p, wordEnd);
    const commaFollows = /[、，,]/.test(text.slice(wordEnd, sepEnd));
    if (DEMONSTRATIVES.has(word) && !commaFollows && !isFillerToken(tokens, p)) return -1;
    return sepEnd;
  }
  if (sepEnd < 0) return -1;
  if (rule.kind === 'repeat') {
    // 「ちぃ、ちぃばす」: the fragment is said again right after the pause (and any fillers in it).
    for (let end = wordEnd; end > p; end--) {
      const unit = text.slice(p, end);
      const sep = matchAt(SEPARATOR, text, end);
      if (sep > 0 && text.startsWith(unit, pastFillers(sep))) return sep;
    }
    return -1;
  }
  // false-start: 「ほい、保育園」: a kana fragment that the next word's reading begins with.
  if (!tokens) return -1;
  const fragment = toKatakana(text.slice(p, wordEnd));
  const next = tokens.find((t) => t.word_position - 1 === sepEnd);
  const reading = next?.reading ?? '';
  return next && next.pos !== '助詞' && next.pos !== '助動詞' && reading.length > fragment.length && reading.startsWith(fragment)
    ? sepEnd
    : -1;
}

/** あの before a space: a filler only when kuromoji says so (フィラー/感動詞), not a 連体詞 before a noun. */
function isFillerToken(tokens: JaToken[] | null, p: number): boolean {
  const t = tokens?.find((x) => x.word_position - 1 === p);
  return t !== undefined && (t.pos === 'フィラー' || t.pos === '感動詞');
}
