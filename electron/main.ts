// Electron main: one window on the app's own origin (gijiroku://app/), the API
// over IPC to the same service the bridge uses, and nothing on the network.
// Thin on purpose: what the app does lives in native/app/.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { createApiService, type ApiService } from '../native/app/createApiService';
import type { GijirokuApi } from '../native/common/api';
import { isGijirokuError } from '../native/common/errors';
import { makeFolderPrivate } from '../native/files/privateFolder';
import { openStore } from '../native/store/openStore';
import type { MeetingStore } from '../native/store/meetingStoreContract';
import { registerApiHandlers, unregisterApiHandlers } from './apiIpc';
import { PICK_FILE_CHANNEL, pickFileHandler } from './filePicker';
import { appDataDir, databasePath } from '../native/app/dataDir';
import { lockDownContents, lockDownSession } from './lockDownSession';
import { packagedToolEnv } from './packagedPaths';
import { answerAppRequest, APP_ORIGIN, APP_SCHEME, appMediaUrl } from '../native/serving/appRequest';
import { windowOptions } from './windowOptions';

const STATIC_DIR = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.js');

// must happen before 'ready': a standard, secure scheme gets an origin ('self' in the CSP) and streamed, seekable media
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);
app.enableSandbox();
lockDownContents(app);

let store: MeetingStore | null = null;
let service: ApiService | null = null;

function openWindow(): void {
  const win = new BrowserWindow(windowOptions(PRELOAD, { devTools: !app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  // variables already set (by IT, for a shared model folder) win over the bundled defaults
  if (app.isPackaged) for (const [k, v] of Object.entries(packagedToolEnv(process.resourcesPath))) process.env[k] ??= v;
  const dataDir = appDataDir();
  makeFolderPrivate(dataDir);
  store = openStore(databasePath(dataDir));
  service = createApiService({ store, dataDir, mediaUrl: appMediaUrl });
  const api: GijirokuApi = service satisfies GijirokuApi;
  lockDownSession(session.defaultSession, STATIC_DIR);
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, { service: api, staticDir: STATIC_DIR }));
  registerApiHandlers(ipcMain, api);
  ipcMain.handle(
    PICK_FILE_CHANNEL,
    pickFileHandler(service, (options) => {
      const win = BrowserWindow.getFocusedWindow();
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
    }),
  );
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

/** the running job is stopped with its checkpoint kept; it resumes at the next start */
async function shutDown(): Promise<void> {
  unregisterApiHandlers(ipcMain);
  ipcMain.removeHandler(PICK_FILE_CHANNEL);
  await service?.close();
  store?.close();
  service = null;
  store = null;
}

if (!app.requestSingleInstanceLock()) {
  // a second copy would run jobs on the same database
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      process.stderr.write(`gijiroku: cannot start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      const text = isGijirokuError(e) ? e.text : { ja: '起動できませんでした。', en: 'Gijiroku could not start.' };
      dialog.showErrorBox('議事録 Gijiroku', `${text.ja}\n\n${text.en}`);
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !service) return;
    closing = true;
    event.preventDefault();
    void shutDown().finally(() => app.exit(0));
  });
}
