// What every export format prints, whoever asks: the CLI builds it from the pipeline's transcript,
// the app from the stored meeting (native/app/export/meetingExport.ts). The writers (exportTable.ts) see only
// this, so a format means the same thing from both. Pure.
import type { MinutesDocument, MinutesStyle } from './minutes/minutesModel';

export interface ExportSpeaker {
  /** tells speakers apart within the meeting (a cluster id, a stored speaker's id) */
  key: string;
  /** what diarization called the voice: S1, S2 … */
  label: string;
  /** 氏名 and 職名 as printed (鈴木健太郎, ５番 / 委員長); both '' while nobody has named the voice */
  name: string;
  role: string;
  /** the roster's 記号 (○ ◆ ◎), overriding the house style's choice */
  mark?: string;
}

export interface ExportLine {
  start: number;
  end: number;
  speaker: ExportSpeaker | null;
  /** the text to print: verbatim or after ケバ取り, as asked; '' for a stretch nobody could hear */
  text: string;
}

export interface MeetingExport {
  title: string;
  meeting: MinutesDocument['meeting'];
  attendance: MinutesDocument['attendance'];
  lines: ExportLine[];
  /** the council's 会議録 style; its `text` choice is already made in `lines` */
  style: MinutesStyle;
  /** what the JSON export writes (the engine's Transcript v1 with its layers); null where there is none */
  json: unknown;
}

/**
 * The lines any text format prints: a stretch nobody could hear (no text) is for the clerk to listen
 * to in the editor, never printed; it stays in the JSON only.
 */
export function printedLines(lines: readonly ExportLine[]): ExportLine[] {
  return lines.filter((l) => l.text.trim() !== '');
}

/** A voice nobody has named yet: 発言者3 for S3. */
export function unnamedRole(label: string): string {
  return `発言者${label.replace(/^S/, '')}`;
}

/** How subtitles and CSV name a speaker: 役職 氏名 when known (委員長 小林宏), else 発言者N; null without a speaker. */
export function speakerTag(s: ExportSpeaker | null): string | null {
  if (!s) return null;
  const named = [s.role, s.name]
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ');
  return named || unnamedRole(s.label);
}
