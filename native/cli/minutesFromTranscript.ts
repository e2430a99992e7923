import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { RosterMember, SpeakerLabel } from '../common/speakers';
import type { Transcript } from '../common/transcript';
import type { MinutesDocument, MinutesItem, MinutesSpeaker } from '../export/minutes/minutesModel';
import { attendanceFromRoster, minutesSpeaker } from '../speakers/rosterMinutes';
import { unnamedSpeaker } from '../export/minutes/formatSpeaker';

export interface MinutesMeta {
  title?: string;
  body?: string;
  place?: string;
  date?: string;
}

/** The roster and the labels found for the transcript's speakers (gijiroku transcribe --roster). */
export interface MinutesRoster {
  members: RosterMember[];
  labels: SpeakerLabel[];
}

/** No speaker line at all: the turn is printed as a plain paragraph rather than under a made-up role. */
const NO_SPEAKER: MinutesSpeaker = { name: '', role: '' };

/**
 * The CLI's transcript as 会議録 data: consecutive segments of one speaker are a turn. A speaker
 * named from the roster prints as 職名（氏名君）, an unnamed one as ○発言者1 (its cluster S1), and text
 * without a speaker as a paragraph with no speaker line. Pure apart from reading the recording's
 * date when none is given.
 */
export function minutesFromTranscript(t: Transcript, meta: MinutesMeta, roster?: MinutesRoster): MinutesDocument {
  const named = new Map((roster?.labels ?? []).map((l) => [l.speaker, roster!.members[l.member]]));
  const speakerOf = (id: string | null): MinutesSpeaker => {
    if (id === null) return NO_SPEAKER;
    const m = named.get(id);
    return m ? minutesSpeaker(m) : unnamedSpeaker(id);
  };
  const items: MinutesItem[] = [];
  let last: string | null | undefined;
  for (const s of t.segments) {
    if (s.text.trim() === '') continue; // an unheard stretch is for the clerk to listen to, never printed
    const prev = items[items.length - 1];
    if (prev?.kind === 'turn' && s.speaker === last) {
      prev.text += s.text;
      if (prev.clean !== undefined) prev.clean += s.clean ?? s.text;
    } else {
      items.push({ kind: 'turn', speaker: speakerOf(s.speaker), text: s.text,
        ...(s.clean !== undefined ? { clean: s.clean } : {}) });
      last = s.speaker;
    }
  }
  return {
    title: meta.title ?? basename(t.audio.path, extname(t.audio.path)),
    meeting: { date: meta.date ?? recordingDate(t.audio.path), place: meta.place ?? '', body: meta.body ?? '' },
    attendance: roster ? attendanceFromRoster(roster.members) : { present: [], absent: [], explainers: [], secretariat: [] },
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
