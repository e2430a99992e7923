// models/manifest.json: the whisper.cpp models this app knows, with sizes and sha256 digests.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ManifestModel {
  name: string;
  file: string;
  size: number;
  sha256: string | null;
  languages: string;
}

const PROJECT_ROOT = join(__dirname, '..', '..', '..');

/** GIJIROKU_MODELS_DIR/manifest.json (the installed app's resources/models), else the project's models/manifest.json. */
export function readModelManifest(env: NodeJS.ProcessEnv = process.env): ManifestModel[] {
  const candidates = [
    env['GIJIROKU_MODELS_DIR'] ? join(resolve(env['GIJIROKU_MODELS_DIR']), 'manifest.json') : null,
    join(PROJECT_ROOT, 'models', 'manifest.json'),
  ];
  for (const p of candidates) {
    if (p && existsSync(p)) return (JSON.parse(readFileSync(p, 'utf8')) as { models: ManifestModel[] }).models;
  }
  return [];
}
