import iconv from 'iconv-lite';

export type TermFileEncoding = 'utf8' | 'utf8bom' | 'shift_jis';

/**
 * Excel on Windows saves "CSV" and "Unicode text" in Shift_JIS (CP932) unless told otherwise.
 * Bytes that are valid UTF-8 are read as UTF-8 (Shift_JIS text with kana or kanji is almost
 * never valid UTF-8); anything else is read as CP932, Microsoft's Shift_JIS with its extensions.
 */
export function decodeTermBytes(bytes: Buffer): { text: string; encoding: TermFileEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf8bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'shift_jis' };
  }
}

export function encodeTermText(text: string, encoding: TermFileEncoding): Buffer {
  if (encoding === 'shift_jis') return iconv.encode(text, 'cp932');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf8bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Characters that CP932 cannot hold (e.g. 𠮷, some 髙-like variants): they would come back as '?'. */
export function unencodableInShiftJis(text: string): string[] {
  const bad = new Set<string>();
  for (const c of text) if (iconv.decode(iconv.encode(c, 'cp932'), 'cp932') !== c) bad.add(c);
  return [...bad];
}
