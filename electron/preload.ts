// The page's only way out: window.gijiroku, one function per API method, each
// forwarding to ipcMain over `gijiroku:<method>`. A sandboxed preload can require
// only 'electron', so this file is bundled alone (scripts/bundlePreload.mjs) with
// the method list of the contract (API_METHODS) inlined, instead of a copy of it.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_METHODS, type ApiMethod, type ApiReply, type GijirokuApi } from '../native/common/api';
import { apiChannel } from './ipcChannels';

/** what the desktop adds beside the API: a dropped or chosen File's real path, so nothing is copied */
interface DesktopExtras {
  pathForFile(file: File): string;
}

async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(apiChannel(method), ...args)) as ApiReply<unknown>;
  if (reply.ok) return reply.value;
  // a plain object: contextBridge keeps its fields, whereas an Error would arrive as its message only
  return Promise.reject({ code: reply.error.code, text: reply.error.text, message: reply.error.text.en });
}

const api: Partial<Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>> = {};
for (const method of API_METHODS) api[method] = (...args: unknown[]) => call(method, args);

const exposed: GijirokuApi & DesktopExtras = {
  // each entry forwards its arguments unchanged and main validates them; the types come from GijirokuApi
  ...(api as unknown as GijirokuApi),
  pathForFile: (file: File) => webUtils.getPathForFile(file),
};
contextBridge.exposeInMainWorld('gijiroku', exposed);
