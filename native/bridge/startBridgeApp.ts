// The whole app without Electron: the store in the data folder, the service
// (which resumes unfinished jobs) and the bridge in front of them. Used by
// scripts/start.mjs and by the tests.
import { makeFolderPrivate } from '../files/privateFolder';
import { openStore } from '../store/openStore';
import { createApiService, type ApiService } from '../app/createApiService';
import { databasePath } from '../app/dataDir';
import { startBridge, type Bridge } from './startBridge';

export interface BridgeApp {
  bridge: Bridge;
  service: ApiService;
  /** stops the bridge and the running job (its checkpoint stays), then closes the database */
  close(): Promise<void>;
}

export async function startBridgeApp(opts: { dataDir: string; staticDir: string; port?: number; cliPath?: string }): Promise<BridgeApp> {
  makeFolderPrivate(opts.dataDir);
  const store = openStore(databasePath(opts.dataDir));
  let bridge: Bridge | null = null;
  const service = createApiService({
    store,
    dataDir: opts.dataDir,
    cliPath: opts.cliPath,
    mediaUrl: (meetingId) => {
      if (!bridge) throw new Error('bridge not started');
      return bridge.mediaUrl(meetingId);
    },
  });
  try {
    bridge = await startBridge({ service, staticDir: opts.staticDir, dataDir: opts.dataDir, port: opts.port });
  } catch (e) {
    await service.close();
    store.close();
    throw e;
  }
  const started = bridge;
  let closing: Promise<void> | null = null;
  return {
    bridge: started,
    service,
    close: () => {
      closing ??= (async () => {
        await started.close();
        await service.close();
        store.close();
      })();
      return closing;
    },
  };
}
