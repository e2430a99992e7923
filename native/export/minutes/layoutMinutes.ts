// MinutesDocument + style → the printed strings, in order. Shared by the .docx and .txt writers so
// both say exactly the same thing; the writers only decide how it looks. Pure.
import { convertNumerals, toFullWidthDigits } from './convertNumerals';
import { formatRole, formatSpeaker } from './formatSpeaker';
import { japaneseDate, japaneseTime } from './japaneseDate';
import type { MinutesDocument, MinutesStyle, RosterEntry } from './minutesModel';
import { removeFillers } from './removeFillers';

export interface RosterSection {
  /** 出席議員（３名） */
  label: string;
  /** one cell each, laid out in `columns` columns; empty → printed as （なし） in the label */
  entries: string[];
  columns: number;
}

export type BodyLine =
  | { kind: 'turn'; speaker: string; text: string }
  | { kind: 'time'; text: string }
  | { kind: 'stage'; text: string }
  | { kind: 'rule'; title: string | null };

export interface MinutesLayout {
  title: string;
  /** 日時, 場所: label and value */
  facts: [string, string][];
  roster: RosterSection[];
  agendaLabel: string;
  agenda: string[];
  body: BodyLine[];
}

/** The space after the speaker label: a 全角スペース, as in every printed 会議録. */
export const TURN_SEPARATOR = '\u3000';

function count(n: number, numerals: MinutesStyle['numerals']): string {
  return numerals === 'arabic' ? toFullWidthDigits(String(n)) : convertNumerals(String(n), 'kanji');
}

function rosterHead(e: RosterEntry, numerals: MinutesStyle['numerals']): string {
  if (e.seat !== undefined) return formatRole(`${e.seat}番`, numerals);
  return e.role ? formatRole(e.role, numerals) : '';
}

function section(label: string, entries: RosterEntry[], columns: number, style: MinutesStyle, counted: boolean): RosterSection {
  const suffix = entries.length === 0 ? '（なし）' : counted ? `（${count(entries.length, style.numerals)}名）` : '';
  const heads = entries.map((e) => rosterHead(e, style.numerals));
  // seat numbers are right-aligned (　５番 over １２番, 　　五番 over 三十四番) so the names line up
  const seatWidth = Math.max(0, ...entries.map((e, i) => (e.seat !== undefined ? (heads[i] ?? '').length : 0)));
  const cells = entries.map((e, i) => {
    const head = e.seat !== undefined ? (heads[i] ?? '').padStart(seatWidth, '\u3000') : heads[i];
    return head ? `${head}${TURN_SEPARATOR}${e.name}` : e.name;
  });
  return { label: `${label}${suffix}`, entries: cells, columns };
}

function bracketed(text: string): string {
  const t = text.trim();
  return /^〔.*〕$/.test(t) ? t : `〔${t}〕`;
}

export function layoutMinutes(doc: MinutesDocument, style: MinutesStyle): MinutesLayout {
  const num = (s: string): string => convertNumerals(s, style.numerals);
  const who = /委員会|分科会/.test(doc.meeting.body) ? '委員' : '議員';
  const when = japaneseDate(doc.meeting.date) + (doc.meeting.startTime ? japaneseTime(doc.meeting.startTime) : '');
  const { present, absent, explainers, secretariat } = doc.attendance;
  const body: BodyLine[] = doc.items.map((item) => {
    switch (item.kind) {
      case 'turn': {
        const text = style.text === 'clean' ? (item.clean ?? removeFillers(item.text)) : item.text;
        return { kind: 'turn', speaker: formatSpeaker(item.speaker, style), text: num(text.trim()) };
      }
      case 'time':
        return { kind: 'time', text: num(item.text.trim()) };
      case 'stage':
        return { kind: 'stage', text: num(bracketed(item.text)) };
      case 'agendaBreak':
        return { kind: 'rule', title: item.title ? num(item.title) : null };
    }
  });
  return {
    title: num(doc.title),
    facts: [
      ['日\u3000\u3000時', num(when)],
      ['場\u3000\u3000所', doc.meeting.place],
    ],
    roster: [
      section(`出席${who}`, present, 3, style, true),
      section(`欠席${who}`, absent, 3, style, true),
      section('説明のため出席した者', explainers, 2, style, false),
      section('職務のため出席した事務局職員', secretariat, 2, style, false),
    ],
    agendaLabel: '会議に付した事件',
    agenda: doc.agenda.map(num),
    body,
  };
}
