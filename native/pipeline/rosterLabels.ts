// Names for a transcript's speakers from the chair's calls, given the meeting's roster. Without
// speakers in the transcript (no diarization) nothing is labelled.
import type { RosterMember, SpeakerLabel } from '../common/speakers';
import type { Transcript } from '../common/transcript';
import type { JaTokenizer } from '../dictionary/loadTokenizer';
import { labelFromCalls } from '../speakers/labelFromCalls';
import { readingOfText } from '../speakers/readingOfText';
import { printedRole } from '../speakers/rosterMinutes';

/** One speaker of the JSON output: its cluster id and, when named, how the minutes print it. */
export interface LabelledSpeaker {
  id: string;
  /** 委員長, ５番 … ('' while unnamed) */
  label: string;
  name: string;
}

export interface RosterLabelling {
  roster: RosterMember[];
  speakers: LabelledSpeaker[];
  labels: SpeakerLabel[];
}

/** Pure given the tokenizer: readings let misheard names match by sound (保育会長 → 保育課長, 山元 → 山本). */
export function labelSpeakers(t: Transcript, roster: RosterMember[], tokenizer: JaTokenizer): RosterLabelling {
  const ids = [...new Set(t.segments.flatMap((s) => (s.speaker === null ? [] : [s.speaker])))];
  if (ids.length === 0) return { roster, speakers: [], labels: [] };
  const { labels } = labelFromCalls(t.segments, roster, readingOfText(tokenizer));
  const byId = new Map(labels.map((l) => [l.speaker, roster[l.member]!]));
  const speakers = ids.map((id) => {
    const m = byId.get(id);
    return { id, label: m ? printedRole(m) : '', name: m?.name ?? '' };
  });
  return { roster, speakers, labels };
}
