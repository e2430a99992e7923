// IPC channel names, derived from the method names: `gijiroku:<method>`.
// Used by main and by the preload (bundled with it by scripts/bundlePreload.mjs).
import type { ApiMethod } from '../native/common/api';

export const CHANNEL_PREFIX = 'gijiroku:';

export function apiChannel(method: ApiMethod): `gijiroku:${ApiMethod}` {
  return `${CHANNEL_PREFIX}${method}`;
}

/** the desktop's own channel beside the API: main runs the open dialog and hands back a one-time file handle */
export const PICK_FILE_CHANNEL = 'gijiroku-desktop:pickFile';
