// Export of a stored meeting through the one export table (native/export/exportTable.ts): the
// meeting, its speakers as the clerk named them, the roster and the council's style, verbatim or clean.
import type { ExportTextChoice, MeetingExportFormat, Segment } from '../../common/api';
import type { ExportSpeaker, MeetingExport } from '../../export/exportModel';
import { EXPORT_TABLE } from '../../export/exportTable';
import type { MeetingStore } from '../../store/meetingStoreContract';
import { attendanceFromRoster, rosterMark } from '../../speakers/rosterMinutes';
import { applyCleanSpans, type CleanupService } from '../cleanupService';

/** The segments with the text to print: verbatim as stored, or after the council's ケバ取り. */
async function segmentsToPrint(
  store: MeetingStore,
  cleanup: CleanupService,
  segments: Segment[],
  text: ExportTextChoice,
): Promise<Segment[]> {
  if (text === 'verbatim') return segments;
  const spans = await cleanup.cleanTexts(
    segments.map((s) => s.text),
    store.getCouncilSettings().cleanupRules,
  );
  return segments.map((s, i) => ({ ...s, text: applyCleanSpans(s.text, spans[i] ?? []) }));
}

export async function storedMeetingExport(
  store: MeetingStore,
  cleanup: CleanupService,
  meetingId: number,
  text: ExportTextChoice,
): Promise<MeetingExport> {
  const meeting = store.getMeeting(meetingId);
  const view = store.getTranscript(meetingId);
  const roster = store.getRoster(meetingId);
  // a roster mark (○ for a 年長議員 in the chair, say) overrides the house style's choice
  const marks = new Map(
    roster.flatMap((m) => {
      const mark = rosterMark(m);
      return mark ? [[m.name, mark] as const] : [];
    }),
  );
  const speakers = new Map(
    view.speakers.map((s): [number, ExportSpeaker] => {
      const mark = s.name ? marks.get(s.name) : undefined;
      return [s.id, { key: String(s.id), label: s.label, name: s.name, role: s.role, ...(mark ? { mark } : {}) }];
    }),
  );
  const segments = await segmentsToPrint(
    store,
    cleanup,
    [...view.segments].sort((a, b) => a.seq - b.seq),
    text,
  );
  return {
    title: meeting.title,
    meeting: { date: meeting.date, place: meeting.place, body: meeting.body },
    attendance: attendanceFromRoster(roster),
    lines: segments.map((s) => ({
      start: s.start,
      end: s.end,
      speaker: s.speakerId === null ? null : (speakers.get(s.speakerId) ?? null),
      text: s.text,
    })),
    style: store.getCouncilSettings().minutesStyle,
    json: null,
  };
}

export async function meetingExportBytes(
  store: MeetingStore,
  cleanup: CleanupService,
  meetingId: number,
  format: MeetingExportFormat,
  text: ExportTextChoice,
): Promise<Buffer> {
  return EXPORT_TABLE[format](await storedMeetingExport(store, cleanup, meetingId, text));
}
