/** A timed line as subtitles and CSV print it; `speaker` as printed (exportModel.ts speakerTag), null for none. */
export interface SubtitleLine {
  start: number;
  end: number;
  speaker: string | null;
  text: string;
}

/** One writer per timed format, same signature (as whisper.cpp's examples do). Pure. */
export type TranscriptWriter = (lines: SubtitleLine[]) => string;

function clock(seconds: number, fractionSeparator: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${fractionSeparator}${pad(ms % 1000, 3)}`;
}

function speakerPrefix(s: SubtitleLine): string {
  return s.speaker ? `${s.speaker}：` : '';
}

export const toSrt: TranscriptWriter = (segments) =>
  segments.map((s, i) => `${i + 1}\n${clock(s.start, ',')} --> ${clock(s.end, ',')}\n${speakerPrefix(s)}${s.text}\n`).join('\n');

export const toVtt: TranscriptWriter = (segments) =>
  `WEBVTT\n\n${segments.map((s) => `${clock(s.start, '.')} --> ${clock(s.end, '.')}\n${s.speaker ? `<v ${s.speaker}>` : ''}${s.text}\n`).join('\n')}`;
