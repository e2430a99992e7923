/**
 * Conservative whisper (GPT-2 byte-level BPE) token count. Japanese: ~1.3 tokens per character
 * (common kanji and kana are one token, rarer kanji two or three, so 1.3 overestimates typical
 * council text a little); ASCII: 0.75 per character, since acronyms such as AI-OCR split into
 * one- or two-letter pieces. Overestimating only shortens the prompt; underestimating would make
 * whisper drop its start, where the roster is.
 */
export function estimatePromptTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) ascii++;
    else other++;
  }
  return Math.ceil(other * 1.3 + ascii * 0.75);
}
