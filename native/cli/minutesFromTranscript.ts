import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Transcript } from '../common/transcript';
import type { MinutesDocument, MinutesItem } from '../export/minutes/minutesModel';

export interface MinutesMeta {
  title?: string;
  body?: string;
  place?: string;
  date?: string;
}

/**
 * The CLI's transcript as 会議録 data: consecutive segments of one speaker are a
 * turn; a transcript without speakers yet prints each sentence run under 発言者未確認.
 * Pure apart from reading the recording's date when none is given.
 */
export function minutesFromTranscript(t: Transcript, meta: MinutesMeta): MinutesDocument {
  const items: MinutesItem[] = [];
  let last: string | null | undefined;
  for (const s of t.segments) {
    const prev = items[items.length - 1];
    if (prev?.kind === 'turn' && s.speaker === last) {
      prev.text += s.text;
      if (prev.clean !== undefined) prev.clean += s.clean ?? s.text;
    } else {
      items.push({ kind: 'turn', speaker: { name: '', role: s.speaker ?? '発言者未確認' }, text: s.text,
        ...(s.clean !== undefined ? { clean: s.clean } : {}) });
      last = s.speaker;
    }
  }
  return {
    title: meta.title ?? basename(t.audio.path, extname(t.audio.path)),
    meeting: { date: meta.date ?? recordingDate(t.audio.path), place: meta.place ?? '', body: meta.body ?? '' },
    attendance: { present: [], absent: [], explainers: [], secretariat: [] },
    agenda: [],
    items,
  };
}

function recordingDate(path: string): string {
  try {
    return statSync(path).mtime.toISOString().slice(0, 10);
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}
