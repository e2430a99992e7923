// The 会議録 of an export: consecutive lines of one speaker become one turn. Pure.
import { printedLines, type ExportSpeaker, type MeetingExport } from '../exportModel';
import { unnamedSpeaker } from './formatSpeaker';
import type { MinutesDocument, MinutesItem, MinutesSpeaker } from './minutesModel';

/** A line without a speaker in a meeting whose other lines have one: the clerk has a name to fill in (the neutral mark, as for 発言者N). */
const UNKNOWN: MinutesSpeaker = { name: '', role: '発言者未確認', mark: '○' };
/** No speaker anywhere (speakers were not asked for or not found): plain paragraphs, no made-up label. */
const NO_SPEAKER: MinutesSpeaker = { name: '', role: '' };

function minutesSpeaker(s: ExportSpeaker): MinutesSpeaker {
  if (s.name.trim() === '' && s.role.trim() === '') return unnamedSpeaker(s.label);
  return { name: s.name, role: s.role, ...(s.mark ? { mark: s.mark } : {}) };
}

export function minutesFromLines(m: MeetingExport): MinutesDocument {
  const lines = printedLines(m.lines);
  const unassigned = m.lines.some((l) => l.speaker !== null) ? UNKNOWN : NO_SPEAKER;
  const items: MinutesItem[] = [];
  let lastKey: string | null | undefined;
  for (const line of lines) {
    const key = line.speaker?.key ?? null;
    const last = items[items.length - 1];
    if (last?.kind === 'turn' && key === lastKey) {
      last.text += line.text.trim();
    } else {
      items.push({ kind: 'turn', speaker: line.speaker ? minutesSpeaker(line.speaker) : unassigned, text: line.text.trim() });
      lastKey = key;
    }
  }
  return { title: m.title, meeting: m.meeting, attendance: m.attendance, agenda: [], items };
}
