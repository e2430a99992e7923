/**
 * Reads whisper-cli's full JSON (-ojf). whisper.cpp writes token text as raw
 * bytes, and a Japanese character is often split across two tokens, so the file
 * is parsed byte-for-byte (latin1) and tokens are re-joined until their bytes
 * form whole UTF-8 characters. Pure: tested without the binary.
 */

export interface RawToken {
  /** milliseconds from the start of the decoded file */
  startMs: number;
  endMs: number;
  text: string;
  p: number;
  /** DTW time of the token's start (ms), when whisper-cli ran with --dtw */
  dtwMs?: number;
}

export interface RawSegment {
  startMs: number;
  endMs: number;
  text: string;
  tokens: RawToken[];
}

interface JsonToken {
  text: string;
  offsets: { from: number; to: number };
  p: number;
  id: number;
  t_dtw?: number;
}
interface JsonSegment {
  offsets: { from: number; to: number };
  text: string;
  tokens?: JsonToken[];
}
interface JsonFile {
  transcription: JsonSegment[];
}

export function parseWhisperJson(bytes: Buffer): RawSegment[] {
  // control characters inside strings would make the JSON invalid; whisper does not escape them
  const latin = bytes.toString('latin1').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
  const parsed = JSON.parse(latin) as JsonFile;
  if (!Array.isArray(parsed.transcription)) throw new Error('whisper JSON has no transcription');
  return parsed.transcription.map((s) => ({
    startMs: s.offsets.from,
    endMs: s.offsets.to,
    text: utf8(s.text).trim(),
    tokens: joinTokens(s.tokens ?? []),
  }));
}

function utf8(latin: string): string {
  return Buffer.from(latin, 'latin1').toString('utf8');
}

function isSpecial(t: JsonToken): boolean {
  return /^\[_[A-Z]+_?.*\]$/.test(t.text) || /^<\|.*\|>$/.test(t.text);
}

function joinTokens(tokens: JsonToken[]): RawToken[] {
  const out: RawToken[] = [];
  let bytes: Buffer[] = [];
  let startMs = 0;
  let p = 1;
  let dtwMs: number | undefined;
  const token = (endMs: number, text: string): RawToken =>
    dtwMs === undefined ? { startMs, endMs, text, p } : { startMs, endMs, text, p, dtwMs };
  for (const t of tokens) {
    if (isSpecial(t)) continue;
    if (bytes.length === 0) {
      startMs = t.offsets.from;
      p = 1;
      dtwMs = t.t_dtw !== undefined && t.t_dtw >= 0 ? t.t_dtw * 10 : undefined;
    }
    bytes.push(Buffer.from(t.text, 'latin1'));
    p = Math.min(p, t.p);
    const joined = Buffer.concat(bytes);
    if (isCompleteUtf8(joined)) {
      out.push(token(t.offsets.to, joined.toString('utf8')));
      bytes = [];
    }
  }
  if (bytes.length > 0) {
    const last = tokens[tokens.length - 1];
    out.push(token(last ? last.offsets.to : startMs, Buffer.concat(bytes).toString('utf8')));
  }
  return out;
}

/** True when the buffer does not end inside a multi-byte UTF-8 sequence. */
export function isCompleteUtf8(b: Buffer): boolean {
  let i = b.length - 1;
  let continuation = 0;
  while (i >= 0 && ((b[i] ?? 0) & 0xc0) === 0x80 && continuation < 4) {
    i--;
    continuation++;
  }
  if (i < 0) return continuation === 0;
  const lead = b[i] ?? 0;
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return continuation >= need;
}
