// Which user regular expressions (ケバ取り rules, replace-all, Find) may run at all. JavaScript's
// engine backtracks: /(え*)*x/ on 26 characters took 1.6 s, doubling with each character. A pattern
// is refused when it can backtrack exponentially — a quantified group that itself holds a quantifier
// or an alternation, or a back-reference — or has more than a few unbounded repeats (polynomial
// blow-up). What passes still runs off the API and UI threads with a deadline. Pure; no imports.
import type { LocalizedText } from './errors';

export const MAX_PATTERN_LENGTH = 500;
const MAX_UNBOUNDED = 4;

/** why `source` (the part between the slashes) is not run, or null when it may be */
export function unsafePattern(source: string): LocalizedText | null {
  if (source.length > MAX_PATTERN_LENGTH)
    return refusal(`${MAX_PATTERN_LENGTH} 文字を超えています`, `it is longer than ${MAX_PATTERN_LENGTH} characters`);
  const groups: { quantified: boolean; alternation: boolean }[] = [{ quantified: false, alternation: false }];
  let lastGroup: { quantified: boolean; alternation: boolean } | null = null;
  let unbounded = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const top = groups[groups.length - 1]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))
        return refusal('後方参照（\\1 など）は使えません', 'back-references (\\1 …) are not allowed');
      i++;
      lastGroup = null;
      continue;
    }
    if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      lastGroup = null;
      continue;
    }
    if (c === '(') {
      groups.push({ quantified: false, alternation: false });
      lastGroup = null;
      continue;
    }
    if (c === ')') {
      const closed = groups.length > 1 ? groups.pop()! : top;
      const parent = groups[groups.length - 1]!;
      parent.quantified ||= closed.quantified;
      lastGroup = closed;
      continue;
    }
    if (c === '|') {
      top.alternation = true;
      lastGroup = null;
      continue;
    }
    const brace = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) : null;
    if (c === '*' || c === '+' || c === '?' || brace) {
      if (i > 0 && c === '?' && /[*+?}]/.test(source[i - 1]!)) continue; // a lazy quantifier's ?
      const open = c === '*' || c === '+' || (brace !== null && brace[2] !== undefined && brace[3] === '');
      const repeats = c !== '?' && !(brace && brace[2] === undefined && brace[1] === '1');
      if (open) unbounded++;
      if (lastGroup && repeats && (lastGroup.quantified || lastGroup.alternation)) {
        return refusal(
          '繰り返しの中に繰り返しや「|」があります（例: (え*)*）',
          'a repeated group holds a repeat or an alternation (e.g. (え*)*)',
        );
      }
      top.quantified = true;
      if (brace) i += brace[0].length - 1;
      lastGroup = null;
      continue;
    }
    lastGroup = null;
  }
  if (unbounded > MAX_UNBOUNDED)
    return refusal(`* や + が ${MAX_UNBOUNDED} 個を超えています`, `it has more than ${MAX_UNBOUNDED} unbounded repeats (* or +)`);
  return null;
}

function refusal(ja: string, en: string): LocalizedText {
  return {
    ja: `この正規表現は処理に時間がかかりすぎるおそれがあるため使えません（${ja}）。もっと単純な形に書き直してください。`,
    en: `This regular expression could take too long to run, so it is not used (${en}). Write it in a simpler form.`,
  };
}
