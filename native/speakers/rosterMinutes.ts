// The roster in the 会議録: how a labelled speaker is printed and the attendance block. Pure.
import type { RosterMember } from '../common/speakers';
import { speakerSide } from '../export/minutes/formatSpeaker';
import type { MinutesDocument, RosterEntry } from '../export/minutes/minutesModel';

/** 職名 as the minutes print it: a member with a seat and a plain 議員/委員 title goes by seat (５番). */
export function printedRole(m: RosterMember): string {
  if (m.seat !== '' && /^(議員|委員)?$/.test(m.role)) return `${m.seat}番`;
  return m.role;
}

/** The roster's 記号 for the minutes (○ for a 年長議員 in the chair, say); 欠 marks an absence, not a speaker. */
export function rosterMark(m: Pick<RosterMember, 'mark'>): string | undefined {
  return m.mark && !m.mark.includes('欠') ? m.mark : undefined;
}

/** 出席議員/委員 (the chair and members, by seat), 説明のため出席した者, 事務局職員, from the roster's 職名. */
export function attendanceFromRoster(roster: readonly RosterMember[]): MinutesDocument['attendance'] {
  const present: RosterEntry[] = [];
  const absent: RosterEntry[] = [];
  const explainers: RosterEntry[] = [];
  const secretariat: RosterEntry[] = [];
  for (const m of roster) {
    if (!m.name.trim()) continue;
    const side = speakerSide(printedRole(m) || m.role);
    // the chair by title (議長, 委員長), members by seat when they have one
    const entry: RosterEntry = m.seat !== '' && side === 'member' ? { name: m.name, seat: m.seat } : { name: m.name, role: m.role };
    // a 記号 of 欠 marks a member absent from this meeting
    if ((side === 'chair' || side === 'member') && m.mark.includes('欠')) absent.push(entry);
    else if (side === 'chair' || side === 'member') present.push(entry);
    else if (side === 'secretariat') secretariat.push(entry);
    else explainers.push(entry);
  }
  // the chair first, then members in seat order, as printed attendance lists are
  const order = (e: RosterEntry): number =>
    e.seat === undefined ? (e.role && speakerSide(e.role) === 'chair' ? -1 : 1e6) : Number(e.seat);
  present.sort((a, b) => order(a) - order(b));
  absent.sort((a, b) => order(a) - order(b));
  return { present, absent, explainers, secretariat };
}
