// ケバ取り rules are data: each council edits its own list (and can switch rules off); stored as JSON.

export type CleanupKind = 'filler' | 'repeat' | 'false-start' | 'custom';

export interface CleanupRule {
  id: string;
  /**
   * A literal, or a regular expression written /like this/ (flags after the closing slash).
   * filler: the filler word, removed at a phrase start with the 、 or space after it.
   * repeat: what a repeated fragment may look like (「ちぃ、ちぃばす」 → ちぃばす).
   * false-start: what a cut-off fragment may look like (「ほい、保育園」 → 保育園; needs kuromoji).
   * custom: removed wherever it matches.
   */
  pattern: string;
  kind: CleanupKind;
  enabled: boolean;
}

const filler = (id: string, pattern: string): CleanupRule => ({ id, pattern, kind: 'filler', enabled: true });

/**
 * After 日本速記協会「発言記録作成標準」: fillers go, content stays. Longer forms come first so
 * えーと is not taken as えー + と. A trailing ー, っ or … on any filler is part of it.
 */
export const DEFAULT_CLEANUP_RULES: CleanupRule[] = [
  filler('eeto', '/え[ー〜～]*っ?と|ええと/'),
  filler('ee', '/え[ー〜～]+|えっ?/'),
  filler('ano', '/あの[ー〜～]*/'),
  filler('sono', '/その[ー〜～]*/'),
  filler('kono', '/この[ー〜～]+/'),
  filler('maa', '/まあ[ー〜～]*|まー/'),
  filler('uun', '/う[ー〜～]*ん[ー〜～]*/'),
  filler('n', '/ん[ー〜～…]+/'),
  filler('nanka', 'なんか'),
  { id: 'repeat', pattern: '/[^、。，．,.\\s]{1,6}/', kind: 'repeat', enabled: true },
  { id: 'false-start', pattern: '/[ぁ-んァ-ヶ]{1,3}/', kind: 'false-start', enabled: true },
];

export function ruleRegExp(pattern: string): RegExp {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (!m) return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'uy');
  const flags = new Set([...m[2]!.replace(/g/g, ''), 'u', 'y']);
  return new RegExp(m[1]!, [...flags].join(''));
}

export function serializeCleanupRules(rules: CleanupRule[]): string {
  return JSON.stringify({ version: 1, rules }, null, 2);
}

export function parseCleanupRules(json: string): CleanupRule[] {
  const data = JSON.parse(json) as { version?: number; rules?: unknown };
  if (!Array.isArray(data.rules)) throw new Error('cleanup rules: "rules" must be a list');
  return data.rules.map((r: unknown, i: number) => {
    const o = r as Partial<CleanupRule>;
    if (
      typeof o.id !== 'string' ||
      typeof o.pattern !== 'string' ||
      !['filler', 'repeat', 'false-start', 'custom'].includes(o.kind as string)
    ) {
      throw new Error(`cleanup rules: rule ${i + 1} needs id, pattern and kind`);
    }
    ruleRegExp(o.pattern);
    return { id: o.id, pattern: o.pattern, kind: o.kind as CleanupKind, enabled: o.enabled !== false };
  });
}
