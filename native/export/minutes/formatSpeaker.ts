// The speaker label that opens a turn: ○議長（鈴木健太郎君）, ◆５番（山本由美子君）, ◎区長（…君）. Pure.
import { unnamedRole } from '../exportModel';
import { convertNumerals, toFullWidthDigits } from './convertNumerals';
import type { MinutesSpeaker, MinutesStyle } from './minutesModel';

export type SpeakerSide = 'chair' | 'member' | 'executive' | 'secretariat';

const CHAIR = /^(副|仮|臨時)?(議長|委員長|分科会長)$|^年長(議員|委員)$/;
/** 委員 that are executive-side bodies, not council members */
const EXECUTIVE_COMMISSIONERS = /(監査|教育|選挙管理|農業|公平|人事)委員/;
const MEMBER = /^[0-9０-９〇一二三四五六七八九十百]+番$|(議員|委員)$/;
const SECRETARIAT = /^(議会)?事務局|^書記|^議事/;

/**
 * Who is speaking, from the 職名 alone:
 * chair — 議長, 副議長, 仮議長, 委員長, 副委員長, 分科会長, 年長議員/委員 acting as chair;
 * member — a seat (５番) or a title ending in 議員/委員 (鈴木委員), except executive commissioners (監査委員);
 * secretariat — 議会事務局 staff (事務局長, 議事課長, 書記);
 * executive — everyone else: 区長, 副区長, 教育長, 部長, 課長, 理事者 …
 */
/**
 * A voice nobody has named yet (cluster S3): ○発言者3, a placeholder the clerk sees at once, with the
 * neutral mark rather than a guess at ◆ or ◎.
 */
export function unnamedSpeaker(label: string): MinutesSpeaker {
  return { name: '', role: unnamedRole(label), mark: '○' };
}

export function speakerSide(role: string): SpeakerSide {
  const r = role.trim();
  if (CHAIR.test(r)) return 'chair';
  if (SECRETARIAT.test(r)) return 'secretariat';
  if (MEMBER.test(r) && !EXECUTIVE_COMMISSIONERS.test(r)) return 'member';
  return 'executive';
}

/**
 * 'byRole' follows the common three-mark convention: ○ the chair (and council staff, who speak
 * for the chair), ◆ members asking, ◎ the executive side answering. 'circleOnly': ○ for all.
 */
export function speakerMark(speaker: MinutesSpeaker, style: Pick<MinutesStyle, 'marks'>): string {
  if (speaker.mark !== undefined) return speaker.mark;
  if (style.marks === 'circleOnly') return '○';
  const side = speakerSide(speaker.role);
  return side === 'member' ? '◆' : side === 'executive' ? '◎' : '○';
}

/** '君' per style.honorificFor; '議員' only ever for councillors (an executive is not a 議員). */
export function honorificFor(role: string, style: Pick<MinutesStyle, 'honorific' | 'honorificFor'>): string {
  if (style.honorific === '') return '';
  const side = speakerSide(role);
  const councillor = side === 'chair' || side === 'member';
  if (style.honorific === '議員' || style.honorificFor === 'councillors') return councillor ? style.honorific : '';
  return style.honorific;
}

/** Seat numbers are printed in full-width digits (５番) or in 漢数字 (五番). */
export function formatRole(role: string, numerals: MinutesStyle['numerals']): string {
  const converted = convertNumerals(role.trim(), numerals);
  return numerals === 'arabic' ? toFullWidthDigits(converted) : converted;
}

/** '' for a turn nobody has been named for (no role, no name): it prints as a plain paragraph. */
export function formatSpeaker(speaker: MinutesSpeaker, style: MinutesStyle): string {
  if (speaker.role.trim() === '' && speaker.name.trim() === '') return '';
  const role = formatRole(speaker.role, style.numerals);
  const name = speaker.name.trim();
  const label = name ? `${role}（${name}${honorificFor(speaker.role, style)}）` : role;
  return `${speakerMark(speaker, style)}${label}`;
}
