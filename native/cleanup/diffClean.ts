import type { CleanResult } from './cleanText';

export interface CleanDiffPart {
  text: string;
  /** true: in the verbatim text only (struck through in the editor) */
  removed: boolean;
  rule?: string;
}

/** The verbatim text cut into kept and removed runs, in order, for showing the ケバ取り. */
export function diffClean(verbatim: string, result: CleanResult): CleanDiffPart[] {
  const parts: CleanDiffPart[] = [];
  let from = 0;
  for (const r of result.removed) {
    if (r.start > from) parts.push({ text: verbatim.slice(from, r.start), removed: false });
    parts.push({ text: r.text, removed: true, rule: r.rule });
    from = r.end;
  }
  if (from < verbatim.length) parts.push({ text: verbatim.slice(from), removed: false });
  return parts;
}

/** 〔えー、〕本市では… : a plain-text view of the same diff, for logs and the CLI. */
export function formatCleanDiff(parts: CleanDiffPart[]): string {
  return parts.map((p) => (p.removed ? `〔${p.text}〕` : p.text)).join('');
}
