import type { GijirokuApi } from '../../../native/common/api';
import { createBridgeClient } from './bridgeClient';
import { uploadFile } from './uploadFile';

/**
 * What the Electron preload may add beside the API: the real path of a dropped/chosen File
 * (Electron's webUtils.getPathForFile), so the service reads it in place instead of a copy.
 */
export interface GijirokuDesktopExtras {
  pathForFile?(file: File): string;
}

declare global {
  interface Window {
    gijiroku?: GijirokuApi & GijirokuDesktopExtras;
  }
}

export const api: GijirokuApi = window.gijiroku ?? createBridgeClient();

/** A path the service can read for this file: its own path in Electron, an uploaded copy in a browser. */
export async function mediaPathForFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  const desktopPath = window.gijiroku?.pathForFile?.(file);
  if (desktopPath) {
    onProgress(1);
    return desktopPath;
  }
  return uploadFile(file, onProgress);
}
