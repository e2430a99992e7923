// Export of a meeting from the app: the one export table (native/export/exportTable.ts) as a download;
// the clean text comes from the regex worker, as the editor's does.
import type { ExportApi } from '../../common/api';
import type { MeetingStore } from '../../store/meetingStoreContract';
import type { CleanupService } from '../cleanupService';
import { meetingExportBytes } from './meetingExport';

export interface ExportServiceOptions {
  store: MeetingStore;
  cleanup: CleanupService;
}

export function createExportService({ store, cleanup }: ExportServiceOptions): ExportApi {
  return {
    async exportMeetingBase64(meetingId, format, text) {
      return (await meetingExportBytes(store, cleanup, meetingId, format, text)).toString('base64');
    },
  };
}
