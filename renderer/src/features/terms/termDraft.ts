import type { Term, TermKindName } from '../../../../native/common/api';

/** A term as the table's inputs hold it: misrecognitions as one text, split on ｜ 、 , ; */
export interface TermDraft {
  surface: string;
  reading: string;
  kind: TermKindName;
  misrecognitions: string;
  enabled: boolean;
  note: string;
}

export const EMPTY_DRAFT: TermDraft = { surface: '', reading: '', kind: 'その他', misrecognitions: '', enabled: true, note: '' };

export function toDraft(t: Term): TermDraft {
  return { ...t, misrecognitions: t.misrecognitions.join('、') };
}

export function fromDraft(d: TermDraft): Term {
  return {
    surface: d.surface.trim(),
    reading: d.reading.trim(),
    kind: d.kind,
    misrecognitions: [
      ...new Set(
        d.misrecognitions
          .split(/[｜|;；、,，]/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
    ],
    enabled: d.enabled,
    note: d.note.trim(),
  };
}
