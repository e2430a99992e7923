// The store's transcript (api.ts Meeting, Speaker, Segment) as a MinutesDocument: consecutive
// segments of one speaker become one turn. Attendance and agenda are not in the store yet; the
// caller passes them when it has them. Pure.
import type { MeetingInput, Segment, Speaker } from '../../common/api';
import { unnamedSpeaker } from './formatSpeaker';
import type { MinutesDocument, MinutesItem, MinutesSpeaker } from './minutesModel';

const UNKNOWN: MinutesSpeaker = { name: '', role: '発言者未確認' };

export function minutesFromSegments(
  meeting: MeetingInput & { startTime?: string },
  speakers: Speaker[],
  segments: Segment[],
  extra: Partial<Pick<MinutesDocument, 'attendance' | 'agenda'>> = {},
): MinutesDocument {
  const byId = new Map(speakers.map((s): [number, MinutesSpeaker] => [s.id, s.name || s.role ? { name: s.name, role: s.role } : unnamedSpeaker(s.label)]));
  const items: MinutesItem[] = [];
  let lastSpeakerId: number | null | undefined;
  for (const seg of [...segments].sort((a, b) => a.seq - b.seq)) {
    const text = seg.text.trim();
    if (!text) continue;
    const last = items[items.length - 1];
    if (last?.kind === 'turn' && seg.speakerId === lastSpeakerId) {
      last.text += text;
    } else {
      const speaker = (seg.speakerId !== null && byId.get(seg.speakerId)) || UNKNOWN;
      items.push({ kind: 'turn', speaker, text });
      lastSpeakerId = seg.speakerId;
    }
  }
  return {
    title: meeting.title,
    meeting: { date: meeting.date, place: meeting.place, body: meeting.body, ...(meeting.startTime ? { startTime: meeting.startTime } : {}) },
    attendance: extra.attendance ?? { present: [], absent: [], explainers: [], secretariat: [] },
    agenda: extra.agenda ?? [],
    items,
  };
}
