// The page's only way out: window.gijiroku, one function per API method, each
// forwarding to ipcMain over `gijiroku:<method>`. A sandboxed preload can require
// only 'electron', so this file is bundled alone (scripts/bundlePreload.mjs) with
// the method list of the contract (API_METHODS) inlined, instead of a copy of it.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, type ApiMethod, type ApiReply, type GijirokuApi, type PickedFile, type PickKind } from '../native/common/api';
import { apiChannel, PICK_FILE_CHANNEL } from './ipcChannels';

/** what the desktop adds beside the API: main's open dialog, which hands back a one-time handle (never a path the page chose) */
interface DesktopExtras {
  pickFile(kind: PickKind): Promise<PickedFile | null>;
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
  pickFile: (kind: PickKind) => ipcRenderer.invoke(PICK_FILE_CHANNEL, kind) as Promise<PickedFile | null>,
};
contextBridge.exposeInMainWorld('gijiroku', exposed);
