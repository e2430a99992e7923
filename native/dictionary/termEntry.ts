// The term dictionary a council keeps: names, places and terms whisper tends to get wrong.

export const TERM_KINDS = ['議員名', '役職', '地名', '施設名', '条例名', '行政用語', 'その他'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export interface TermEntry {
  /** 表記: how the minutes write it */
  surface: string;
  /** よみ in hiragana (katakana is accepted on import and converted) */
  reading: string;
  kind: TermKind;
  /** what whisper wrote instead, replaced without asking */
  misrecognitions: string[];
  enabled: boolean;
  note: string;
}

/**
 * Class names of commercial word lists (IME and speech-tool exports) mapped to our kinds;
 * any other class becomes その他 in the word-list layout, but is an error in our own files.
 */
const KIND_ALIASES: Record<string, TermKind> = {
  人名: '議員名', 姓名: '議員名', 姓: '議員名', 名: '議員名', 議員: '議員名', person: '議員名', member: '議員名',
  役職名: '役職', 肩書: '役職', title: '役職', role: '役職',
  地名その他: '地名', 地域: '地名', 駅名: '地名', place: '地名',
  施設: '施設名', 組織名: '施設名', 固有名詞: 'その他', facility: '施設名',
  条例: '条例名', 法令名: '条例名', ordinance: '条例名',
  用語: '行政用語', 専門用語: '行政用語', 名詞: 'その他', 普通名詞: 'その他', 一般: 'その他', term: '行政用語',
  other: 'その他',
};

export function kindFromName(name: string): TermKind | null {
  const n = name.trim();
  if ((TERM_KINDS as readonly string[]).includes(n)) return n as TermKind;
  return KIND_ALIASES[n] ?? KIND_ALIASES[n.toLowerCase()] ?? null;
}

export function newEntry(surface: string, reading: string, kind: TermKind = 'その他'): TermEntry {
  return { surface, reading, kind, misrecognitions: [], enabled: true, note: '' };
}
