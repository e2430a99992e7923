// The API's export of a meeting: the same formats as the CLI's (native/export/exportTable.ts), as a download.
import type { MEETING_EXPORT_FORMATS } from '../exportFormats';

export type MeetingExportFormat = (typeof MEETING_EXPORT_FORMATS)[number];
export type ExportTextChoice = 'verbatim' | 'clean';

export interface ExportApi {
  /** the meeting as 会議録 .docx, .txt, .srt, .vtt or .csv (base64) for a download */
  exportMeetingBase64(meetingId: number, format: MeetingExportFormat, text: ExportTextChoice): Promise<string>;
}

export const EXPORT_METHODS = ['exportMeetingBase64'] as const satisfies readonly (keyof ExportApi)[];
