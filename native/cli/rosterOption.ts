// gijiroku transcribe --roster FILE: the attendees, and names for the transcript's speakers from the
// chair's calls. Without speakers in the transcript (no diarization yet) nothing is labelled.
import { readFileSync } from 'node:fs';
import { GijirokuError } from '../common/errors';
import type { RosterMember, SpeakerLabel } from '../common/speakers';
import type { Transcript } from '../common/transcript';
import { loadTokenizer } from '../dictionary/loadTokenizer';
import { labelFromCalls } from '../speakers/labelFromCalls';
import { parseRosterFile } from '../speakers/parseRosterFile';
import { readingOfText } from '../speakers/readingOfText';
import { printedRole } from '../speakers/rosterMinutes';

/** Reads the roster file; any bad row stops the run with every bad line named. */
export function loadRosterFile(path: string): RosterMember[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new GijirokuError('INPUT_NOT_FOUND', { ja: `出席者名簿「${path}」を読み込めません。`, en: `Cannot read the roster "${path}".` });
  }
  const { members, errors } = parseRosterFile(bytes, path);
  if (errors.length > 0) {
    const shown = errors.slice(0, 10);
    throw new GijirokuError('BAD_ARGUMENTS', {
      ja: `出席者名簿「${path}」に誤りがあるため、何も読み込んでいません：\n${shown.map((e) => `  ${e.line} 行目: ${e.message.ja}`).join('\n')}`,
      en: `The roster "${path}" has errors, so nothing was read:\n${shown.map((e) => `  line ${e.line}: ${e.message.en}`).join('\n')}`,
    });
  }
  return members;
}

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

export async function labelSpeakers(t: Transcript, roster: RosterMember[]): Promise<RosterLabelling> {
  const ids = [...new Set(t.segments.flatMap((s) => (s.speaker === null ? [] : [s.speaker])))];
  if (ids.length === 0) return { roster, speakers: [], labels: [] };
  // readings let misheard names match by sound (保育会長 → 保育課長, 山元 → 山本)
  const readingOf = readingOfText(await loadTokenizer());
  const { labels } = labelFromCalls(t.segments, roster, readingOf);
  const byId = new Map(labels.map((l) => [l.speaker, roster[l.member]!]));
  const speakers = ids.map((id) => {
    const m = byId.get(id);
    return { id, label: m ? printedRole(m) : '', name: m?.name ?? '' };
  });
  return { roster, speakers, labels };
}
