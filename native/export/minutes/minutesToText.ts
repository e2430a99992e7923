// The same minutes as plain text (UTF-8, CRLF for Windows Notepad): what a clerk pastes into a web CMS.
import { layoutMinutes, TURN_SEPARATOR, type BodyLine } from './layoutMinutes';
import type { MinutesDocument, MinutesStyle } from './minutesModel';

const RULE = '―'.repeat(20);

function bodyLine(line: BodyLine): string[] {
  switch (line.kind) {
    case 'turn':
      return [`${line.speaker}${TURN_SEPARATOR}${line.text}`];
    case 'time':
      return [`${TURN_SEPARATOR.repeat(4)}${line.text}`];
    case 'stage':
      return [`${TURN_SEPARATOR.repeat(2)}${line.text}`];
    case 'rule':
      return line.title ? [RULE, line.title] : [RULE];
  }
}

export function minutesToText(doc: MinutesDocument, style: MinutesStyle): string {
  const l = layoutMinutes(doc, style);
  const lines = [
    l.title,
    '',
    ...l.facts.map(([k, v]) => `${k}${TURN_SEPARATOR}${v}`),
    ...l.roster.flatMap((s) => [`○${s.label}`, ...s.entries.map((e) => `${TURN_SEPARATOR.repeat(2)}${e}`)]),
    `○${l.agendaLabel}`,
    ...l.agenda.map((a) => `${TURN_SEPARATOR.repeat(2)}${a}`),
    RULE,
    ...l.body.flatMap(bodyLine),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
