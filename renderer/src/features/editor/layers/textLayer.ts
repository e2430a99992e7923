import type { CleanSpan } from '../../../../../native/common/api';

/** 素起こし (verbatim, editable) / ケバ取り (clean, derived) / 差分 (removals struck through) */
export type TextLayer = 'verbatim' | 'clean' | 'diff';

export interface LayerPart {
  text: string;
  removed: boolean;
}

/** The verbatim text cut into kept and removed runs. */
export function layerParts(text: string, spans: readonly CleanSpan[]): LayerPart[] {
  const parts: LayerPart[] = [];
  let from = 0;
  for (const s of spans) {
    if (s.start > from) parts.push({ text: text.slice(from, s.start), removed: false });
    parts.push({ text: text.slice(s.start, s.end), removed: true });
    from = s.end;
  }
  if (from < text.length) parts.push({ text: text.slice(from), removed: false });
  return parts;
}
