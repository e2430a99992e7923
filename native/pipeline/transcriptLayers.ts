// Everything the pipeline adds after the words: term corrections, names for the speakers from the
// roster, the doubt marks and the ケバ取り layer. Pure given the tokenizer (kuromoji: the
// corrections, the labels' readings and the doubt model all read it).
import { cleanText } from '../cleanup/cleanText';
import type { CleanupRule } from '../cleanup/cleanupRules';
import type { RosterMember } from '../common/speakers';
import type { Transcript } from '../common/transcript';
import type { JaTokenizer } from '../dictionary/loadTokenizer';
import { scoreDoubt } from '../doubt/scoreDoubt';
import type { MeetingSteer } from './meetingSteer';
import { labelSpeakers, type RosterLabelling } from './rosterLabels';
import { applyTermCorrections } from './termCorrections';

export interface TranscriptLayers {
  steer: MeetingSteer;
  /** the meeting's attendees: speakers are named from the chair's calls (the app names them after import instead, with known voices) */
  roster?: RosterMember[] | null;
  /** ケバ取り rules: every segment gets `clean`; absent: verbatim only (the app derives clean text on request) */
  cleanRules?: CleanupRule[] | null;
}

export interface MeetingTranscript {
  transcript: Transcript;
  /** names found for the speakers from the roster; null without a roster */
  labelling: RosterLabelling | null;
}

export function transcriptLayers(decoded: Transcript, layers: TranscriptLayers, tokenizer: JaTokenizer): MeetingTranscript {
  let transcript = layers.steer.terms.length > 0 ? applyTermCorrections(decoded, layers.steer.terms, tokenizer) : decoded;
  const labelling = layers.roster ? labelSpeakers(transcript, layers.roster, tokenizer) : null;
  // after the corrections: a replaced word is judged as the clerk will read it
  transcript = scoreDoubt(transcript, { tokenizer });
  if (layers.cleanRules) transcript = withCleanText(transcript, layers.cleanRules, tokenizer);
  return { transcript, labelling };
}

/** ケバ取り as a layer: `text` stays verbatim, `clean` is added beside it. */
function withCleanText(t: Transcript, rules: CleanupRule[], tokenizer: JaTokenizer): Transcript {
  return { ...t, segments: t.segments.map((s) => ({ ...s, clean: cleanText(s.text, rules, { tokenizer }).clean })) };
}
