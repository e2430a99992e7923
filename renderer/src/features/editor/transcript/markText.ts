import { LOW_CONFIDENCE, type TokenRange } from './tokenRanges';

const DOUBT_CLASS = { check: 'doubt-check', maybe: 'doubt-maybe', none: '' } as const;

export interface TextMark {
  from: number;
  to: number;
  className: string;
}

export interface TextRun {
  text: string;
  className: string;
}

/** The text cut into runs, each with the classes of the marks covering it (for the mirror layer). */
export function markRuns(text: string, marks: readonly TextMark[]): TextRun[] {
  if (marks.length === 0) return [{ text, className: '' }];
  const classes: string[][] = Array.from({ length: text.length }, () => []);
  for (const m of marks) for (let i = Math.max(0, m.from); i < Math.min(text.length, m.to); i++) classes[i]!.push(m.className);
  const runs: TextRun[] = [];
  for (let i = 0; i < text.length; i++) {
    const className = classes[i]!.join(' ');
    const last = runs[runs.length - 1];
    if (last && last.className === className) last.text += text[i];
    else runs.push({ text: text[i]!, className });
  }
  return runs;
}

export function tokenMarks(ranges: readonly TokenRange[] | null, activeToken: number): TextMark[] {
  if (!ranges) return [];
  const marks: TextMark[] = [];
  ranges.forEach((r, i) => {
    // words of transcripts imported before the doubt model keep the old low-probability mark
    const className = r.token.doubtLevel ? DOUBT_CLASS[r.token.doubtLevel] : r.token.p < LOW_CONFIDENCE ? 'low-confidence' : '';
    if (className) marks.push({ from: r.from, to: r.to, className });
    if (i === activeToken) marks.push({ from: r.from, to: r.to, className: 'word-playing' });
  });
  return marks;
}
