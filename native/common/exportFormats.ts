// The export formats and their media types, shared by the export table (native/export/exportTable.ts)
// and the page's download. Imports nothing.

/** What the app's 書き出し offers; the CLI also writes `json` (the engine's transcript). */
export const MEETING_EXPORT_FORMATS = ['docx', 'txt', 'srt', 'vtt', 'csv'] as const;
export type ExportFormat = 'json' | (typeof MEETING_EXPORT_FORMATS)[number];

export const EXPORT_MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  csv: 'text/csv',
};
