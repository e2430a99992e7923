// One writer per format, every caller the same table (whisper.cpp's output_ext pattern): the CLI's
// --json/--txt/--srt/--vtt/--csv/--docx and the app's 書き出し. Each format means the same everywhere:
//   json  the engine's Transcript v1 with its layers (unheard stretches included, as data)
//   txt   the 会議録 as plain text (CRLF), the same minutes as the .docx
//   docx  the 会議録 in council style
//   srt, vtt, csv  timed lines, the speaker as 役職 氏名 when known, else 発言者N
// No format but JSON prints a stretch nobody could hear.
import { Packer } from 'docx';
import type { ExportFormat } from '../common/exportFormats';
import { toCsv } from './csvFormat';
import { printedLines, speakerTag, type MeetingExport } from './exportModel';
import { minutesFromLines } from './minutes/minutesFromLines';
import type { MinutesStyle } from './minutes/minutesModel';
import { minutesToDocx } from './minutes/minutesToDocx';
import { minutesToText } from './minutes/minutesToText';
import { toSrt, toVtt, type SubtitleLine, type TranscriptWriter } from './subtitleFormats';

export type ExportWriter = (m: MeetingExport) => Promise<Buffer>;

/** The lines already hold the chosen text (verbatim or clean): the style must not drop fillers again. */
function asChosen(style: MinutesStyle): MinutesStyle {
  return { ...style, text: 'verbatim' };
}

function timed(writer: TranscriptWriter): ExportWriter {
  return async (m) => {
    const rows = printedLines(m.lines).map((l): SubtitleLine => ({
      start: l.start,
      end: l.end,
      speaker: speakerTag(l.speaker),
      text: l.text,
    }));
    return Buffer.from(writer(rows), 'utf8');
  };
}

export const EXPORT_TABLE: Record<ExportFormat, ExportWriter> = {
  json: async (m) => {
    if (m.json === null || m.json === undefined) throw new Error('this export has no transcript to write as JSON');
    return Buffer.from(`${JSON.stringify(m.json, null, 2)}\n`, 'utf8');
  },
  txt: async (m) => Buffer.from(minutesToText(minutesFromLines(m), asChosen(m.style)), 'utf8'),
  docx: (m) => Packer.toBuffer(minutesToDocx(minutesFromLines(m), asChosen(m.style))),
  srt: timed(toSrt),
  vtt: timed(toVtt),
  csv: timed(toCsv),
};
