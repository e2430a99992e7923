// What whisper is told before every piece of a meeting, chosen in one place for every way audio
// comes in (a file, the CLI, a recording, a recovered recording), so that they all decode alike.
import { buildPrompt } from '../dictionary/buildPrompt';
import type { TermEntry } from '../dictionary/termEntry';
import { DEFAULT_DECODE, DEFAULT_PROMPT_JA, type DecodeOptions } from '../whisper/decodeOptions';

/** What the user told us about a meeting that steers its transcription: the prompt and the term corrections. */
export interface MeetingSteer {
  /** the council's name and the meeting's 会議体 (港区議会 厚生委員会); '' when neither is known */
  body: string;
  /** the council's terms (a disabled one is ignored); corrections use every one, the prompt what fits */
  terms: TermEntry[];
}

export const NO_STEER: MeetingSteer = { body: '', terms: [] };

/** whisper's prompt window: n_text_ctx / 2 tokens */
const PROMPT_TOKENS = 224;

/**
 * The prompt. With a body or terms: the register of council minutes with the 会議体 and the terms
 * that fit (buildPrompt chooses by relevance); with neither: the engine's default prompt.
 * The one place to change what whisper is told (the tuning harness, bench/tune, tries the variants).
 */
export function meetingPrompt(steer: MeetingSteer, language = DEFAULT_DECODE.language): string {
  const body = steer.body.trim();
  if (body === '' && !steer.terms.some((t) => t.enabled)) return language === 'ja' ? DEFAULT_PROMPT_JA : '';
  return buildPrompt({ entries: steer.terms, body, maxTokens: PROMPT_TOKENS });
}

/** The decode options of a meeting: the defaults, the prompt above, and what the caller sets (threads, language…). */
export function meetingDecode(steer: MeetingSteer, overrides: Partial<DecodeOptions> = {}): DecodeOptions {
  const base = { ...DEFAULT_DECODE, ...overrides };
  return { ...base, prompt: overrides.prompt ?? meetingPrompt(steer, base.language) };
}
