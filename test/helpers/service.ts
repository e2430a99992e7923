// The app's API service as Electron main and the bridge run it, on a temporary data folder:
// a real SQLite file, the real job runner and recorder. Closed after `run`, whatever happens.
import { join } from 'node:path';
import { createApiService, type ApiService, type ApiServiceOptions } from '../../native/app/createApiService';
import type { MeetingStore } from '../../native/store/meetingStoreContract';
import { openStore } from '../../native/store/openStore';
import { tempDir } from './fixtures';

export interface ServiceHarness {
  service: ApiService;
  store: MeetingStore;
  dataDir: string;
}

export type ServiceOptions = Partial<Omit<ApiServiceOptions, 'store'>>;

export async function withService<T>(run: (h: ServiceHarness) => Promise<T>, opts: ServiceOptions = {}): Promise<T> {
  const dataDir = opts.dataDir ?? tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  const service = createApiService({ mediaUrl: (id) => `http://127.0.0.1:1/media/${id}`, ...opts, store, dataDir });
  try {
    return await run({ service, store, dataDir });
  } finally {
    await service.close();
    store.close();
  }
}
