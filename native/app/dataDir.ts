// Where the app keeps its data: the database, uploaded recordings, job checkpoints.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATABASE_FILE = 'gijiroku.sqlite';

/** GIJIROKU_DATA_DIR, else %APPDATA%\Gijiroku on Windows, ~/Library/Application Support/Gijiroku on macOS, $XDG_DATA_HOME/gijiroku (~/.local/share/gijiroku) elsewhere. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['GIJIROKU_DATA_DIR']) return resolve(env['GIJIROKU_DATA_DIR']);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Gijiroku');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Gijiroku');
  return join(env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share'), 'gijiroku');
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}
