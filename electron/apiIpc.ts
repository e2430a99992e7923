// Electron main's side of the API: one ipcMain handler per API_METHODS entry,
// each validating and calling the same service the bridge uses.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type ApiMethod, type ApiReply, type GijirokuApi } from '../native/common/api';
import { dispatchApiCall } from '../native/app/dispatchApiCall';
import { APP_ORIGIN } from '../native/serving/appRequest';
import { apiChannel } from './ipcChannels';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiReply<unknown>>;

/** Every method gets a handler; the table's type fails to compile if one is missing. */
export function apiHandlers(service: GijirokuApi): Record<ApiMethod, Handler> {
  const table = {} as Record<ApiMethod, Handler>;
  for (const method of API_METHODS) {
    table[method] = async (event, ...args) => {
      if (!fromAppPage(event)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', text: { ja: 'この画面からは操作できません。', en: 'Not allowed from this page.' } },
        };
      }
      return dispatchApiCall(service, method, args);
    };
  }
  return table;
}

export function registerApiHandlers(ipcMain: IpcMain, service: GijirokuApi): void {
  const handlers = apiHandlers(service);
  for (const method of API_METHODS) ipcMain.handle(apiChannel(method), handlers[method]);
}

export function unregisterApiHandlers(ipcMain: IpcMain): void {
  for (const method of API_METHODS) ipcMain.removeHandler(apiChannel(method));
}

/** only our own page may call: not a page the window was somehow navigated to */
function fromAppPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}
