// Export of a stored meeting: 会議録 .docx (council style, roster, speakers' names and
// roles), .txt (the same minutes as plain text), .srt, .vtt and .csv; verbatim or clean.
import { Packer } from 'docx';
import type { ExportTextChoice, MeetingExportFormat, Segment, Speaker } from '../common/api';
import type { TranscriptSegment } from '../common/transcript';
import { toCsv } from '../export/csvFormat';
import { minutesFromSegments } from '../export/minutes/minutesFromSegments';
import { minutesToDocx } from '../export/minutes/minutesToDocx';
import { minutesToText } from '../export/minutes/minutesToText';
import { toSrt, toVtt } from '../export/subtitleFormats';
import type { MeetingStore } from '../store/meetingStoreContract';
import { attendanceFromRoster } from '../speakers/rosterMinutes';
import { applyCleanSpans, type CleanupService } from './cleanupService';

export const EXPORT_MIME: Record<MeetingExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  csv: 'text/csv',
};

/** The segments with the text to print: verbatim as stored, or after the council's ケバ取り. */
async function segmentsToPrint(store: MeetingStore, cleanup: CleanupService, segments: Segment[], text: ExportTextChoice): Promise<Segment[]> {
  if (text === 'verbatim') return segments;
  const spans = await cleanup.cleanTexts(segments.map((s) => s.text), store.getCouncilSettings().cleanupRules);
  return segments.map((s, i) => ({ ...s, text: applyCleanSpans(s.text, spans[i] ?? []) }));
}

function speakerLabel(speakers: readonly Speaker[], id: number | null): string | null {
  const s = speakers.find((x) => x.id === id);
  if (!s) return null;
  return [s.role, s.name].filter(Boolean).join(' ') || s.label;
}

export async function meetingExportBytes(store: MeetingStore, cleanup: CleanupService, meetingId: number,
  format: MeetingExportFormat, text: ExportTextChoice): Promise<Buffer> {
  const meeting = store.getMeeting(meetingId);
  const view = store.getTranscript(meetingId);
  const segments = await segmentsToPrint(store, cleanup, view.segments, text);
  if (format === 'docx' || format === 'txt') {
    const roster = store.getRoster(meetingId);
    const doc = minutesFromSegments(meeting, view.speakers, segments, { attendance: attendanceFromRoster(roster) });
    // a roster mark (○ for a 年長議員 in the chair, say) overrides the house style's choice
    const marks = new Map(roster.filter((m) => m.mark && m.mark !== '欠').map((m) => [m.name, m.mark]));
    for (const item of doc.items) {
      const mark = item.kind === 'turn' ? marks.get(item.speaker.name) : undefined;
      if (item.kind === 'turn' && mark) item.speaker = { ...item.speaker, mark };
    }
    // the text is already what the clerk chose: the style must not drop fillers again
    const style = { ...store.getCouncilSettings().minutesStyle, text: 'verbatim' as const };
    if (format === 'txt') return Buffer.from(minutesToText(doc, style), 'utf8');
    return Packer.toBuffer(minutesToDocx(doc, style));
  }
  const rows: TranscriptSegment[] = segments.filter((s) => s.text.trim() !== '').map((s, i) => ({
    id: i, start: s.start, end: s.end, speaker: speakerLabel(view.speakers, s.speakerId), text: s.text, tokens: [],
  }));
  const writer = format === 'srt' ? toSrt : format === 'vtt' ? toVtt : toCsv;
  return Buffer.from(writer(rows), 'utf8');
}
