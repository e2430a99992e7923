// The desktop's way for the page to name a file: main runs the open dialog and hands back an opaque,
// one-time handle (ApiService.grantFile). The page never sends a path, so a compromised page can only
// ever reach files the user chose in a dialog it did not control.
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import type { PickedFile, PickKind } from '../native/common/api';
import type { ApiService } from '../native/app/createApiService';
import { APP_ORIGIN } from '../native/serving/appRequest';

export { PICK_FILE_CHANNEL } from './ipcChannels';

const FILTERS: Record<PickKind, OpenDialogOptions['filters']> = {
  media: [
    {
      name: '録音・動画 / Recordings',
      extensions: ['wav', 'mp3', 'm4a', 'aac', 'wma', 'flac', 'ogg', 'opus', 'mp4', 'mov', 'm4v', 'webm'],
    },
  ],
  terms: [{ name: '用語辞書 / Term list', extensions: ['tsv', 'csv', 'txt'] }],
  roster: [{ name: '出席者名簿 / Roster', extensions: ['tsv', 'csv', 'txt'] }],
  model: [{ name: 'whisper.cpp モデル / model', extensions: ['bin'] }],
};

export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;

/** the handler for PICK_FILE_CHANNEL; the dialog is passed in so that this runs (and is tested) without Electron */
export function pickFileHandler(service: Pick<ApiService, 'grantFile'>, showOpenDialog: ShowOpenDialog) {
  return async (event: IpcMainInvokeEvent, kind: unknown): Promise<PickedFile | null> => {
    const url = event.senderFrame?.url ?? '';
    if (url !== APP_ORIGIN && !url.startsWith(`${APP_ORIGIN}/`)) return null;
    if (typeof kind !== 'string' || !(kind in FILTERS)) return null;
    const chosen = await showOpenDialog({ properties: ['openFile'], filters: FILTERS[kind as PickKind] });
    const path = chosen.canceled ? undefined : chosen.filePaths[0];
    if (!path) return null;
    return { handle: service.grantFile(path), name: path.split(/[\\/]/).pop() ?? '' };
  };
}
