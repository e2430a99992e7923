// The term dictionary a council keeps: names, places and terms whisper tends to get wrong.

/** The kinds the app suggests; a council's list may use any other (人名, 特産品, 会議名 …), kept as written. */
export const TERM_KINDS = ['議員名', '役職', '地名', '施設名', '条例名', '行政用語', 'その他'] as const;
export type BuiltinTermKind = (typeof TERM_KINDS)[number];
/** 種別 as the council wrote it */
export type TermKind = string;
/** a 種別 longer than this is not a kind but a misplaced column */
export const MAX_KIND_LENGTH = 30;

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

/** Class names of commercial word lists (IME and speech-tool exports) and common council lists, mapped to our kinds. */
const KIND_ALIASES: Record<string, BuiltinTermKind> = {
  人名: '議員名',
  姓名: '議員名',
  姓: '議員名',
  名: '議員名',
  議員: '議員名',
  person: '議員名',
  member: '議員名',
  役職名: '役職',
  肩書: '役職',
  title: '役職',
  role: '役職',
  地名その他: '地名',
  地域: '地名',
  駅名: '地名',
  place: '地名',
  施設: '施設名',
  組織名: '施設名',
  固有名詞: 'その他',
  facility: '施設名',
  条例: '条例名',
  法令名: '条例名',
  ordinance: '条例名',
  用語: '行政用語',
  専門用語: '行政用語',
  名詞: 'その他',
  普通名詞: 'その他',
  一般: 'その他',
  term: '行政用語',
  other: 'その他',
};

/** The built-in kind a written 種別 stands for, or null for one the app does not know (it then counts as その他). */
export function builtinKind(name: string): BuiltinTermKind | null {
  const n = name.trim();
  if ((TERM_KINDS as readonly string[]).includes(n)) return n as BuiltinTermKind;
  return KIND_ALIASES[n] ?? KIND_ALIASES[n.toLowerCase()] ?? null;
}

export function newEntry(surface: string, reading: string, kind: TermKind = 'その他'): TermEntry {
  return { surface, reading, kind, misrecognitions: [], enabled: true, note: '' };
}
