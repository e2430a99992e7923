import type { GijirokuApi, PickedFile, PickKind } from '../../../native/common/api';
import { ApiError } from './apiError';
import { createBridgeClient } from './bridgeClient';
import { uploadFile } from './uploadFile';

/**
 * What the Electron preload adds beside the API: a file dialog that main runs, answering with a
 * one-time handle. The page never sees or sends a path (native/app/fileRefs.ts).
 */
export interface GijirokuDesktopExtras {
  pickFile?(kind: PickKind): Promise<PickedFile | null>;
}

declare global {
  interface Window {
    gijiroku?: GijirokuApi & GijirokuDesktopExtras;
  }
}

export const api: GijirokuApi = window.gijiroku ?? createBridgeClient();

/** A file the user chose, and how to name it to the API (a FileRef). */
export interface ChosenFile {
  name: string;
  toRef(onProgress: (fraction: number) => void): Promise<string>;
}

/** the desktop's dialog, or null in a browser (which chooses with <input type=file> and uploads) */
export const desktopPicker: ((kind: PickKind) => Promise<ChosenFile | null>) | null = window.gijiroku?.pickFile
  ? async (kind) => {
      const picked = await window.gijiroku!.pickFile!(kind);
      return picked
        ? {
            name: picked.name,
            toRef: async (onProgress) => {
              onProgress(1);
              return picked.handle;
            },
          }
        : null;
    }
  : null;

/** A File from an <input> or a drop: uploaded into the data folder (browser). The desktop takes files from its dialog only. */
export function chosenFromFile(file: File): ChosenFile {
  return {
    name: file.name,
    toRef: (onProgress) =>
      desktopPicker
        ? Promise.reject(
            new ApiError('USE_THE_DIALOG', {
              ja: 'ここにドロップしたファイルは使えません。「ファイルを選ぶ」から選んでください。',
              en: 'A dropped file cannot be used here. Choose it with "Choose a file".',
            }),
          )
        : uploadFile(file, onProgress),
  };
}
