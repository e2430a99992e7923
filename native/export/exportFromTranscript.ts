// The CLI's export: the pipeline's transcript, the roster's names for its speakers and the meeting's
// details from the command line, as the export table's input. Pure apart from reading the
// recording's date when none is given.
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { MeetingTranscript } from '../pipeline/transcribeMeeting';
import { attendanceFromRoster, printedRole, rosterMark } from '../speakers/rosterMinutes';
import type { ExportSpeaker, MeetingExport } from './exportModel';
import { DEFAULT_MINUTES_STYLE, type MinutesStyle } from './minutes/minutesModel';

export interface MeetingMeta {
  title?: string;
  body?: string;
  place?: string;
  date?: string;
}

export interface TranscriptExportOptions {
  /** print each segment's `clean` text (ケバ取り) instead of the verbatim one */
  clean: boolean;
  style?: MinutesStyle;
}

export function exportFromTranscript(result: MeetingTranscript, meta: MeetingMeta, opts: TranscriptExportOptions): MeetingExport {
  const { transcript: t, labelling } = result;
  const named = new Map((labelling?.labels ?? []).map((l) => [l.speaker, labelling!.roster[l.member]]));
  const speakerOf = (id: string | null): ExportSpeaker | null => {
    if (id === null) return null;
    const m = named.get(id);
    if (!m) return { key: id, label: id, name: '', role: '' };
    const mark = rosterMark(m);
    return { key: id, label: id, name: m.name, role: printedRole(m), ...(mark ? { mark } : {}) };
  };
  return {
    title: meta.title ?? basename(t.audio.path, extname(t.audio.path)),
    meeting: { date: meta.date ?? recordingDate(t.audio.path), place: meta.place ?? '', body: meta.body ?? '' },
    attendance: attendanceFromRoster(labelling?.roster ?? []),
    lines: t.segments.map((s) => ({
      start: s.start,
      end: s.end,
      speaker: speakerOf(s.speaker),
      text: opts.clean ? (s.clean ?? s.text) : s.text,
    })),
    style: opts.style ?? DEFAULT_MINUTES_STYLE,
    json: transcriptJson(result),
  };
}

/** The transcript; with a roster, its speakers also carry the label and name found, beside the labels and the roster. */
export function transcriptJson({ transcript, labelling }: MeetingTranscript): object {
  if (!labelling) return transcript;
  // diarization's own speakers (embeddings, seconds) keep their fields; the label and name are added
  const found = new Map((transcript.speakers ?? []).map((s) => [s.id, s]));
  const speakers = labelling.speakers.map((s) => ({ ...found.get(s.id), ...s }));
  return { ...transcript, speakers, labels: labelling.labels, roster: labelling.roster };
}

function recordingDate(path: string): string {
  try {
    return statSync(path).mtime.toISOString().slice(0, 10);
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}
