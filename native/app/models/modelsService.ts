// The whisper models the app may use: those found in the model folders (the installed ones, the
// configured ones, then those imported at first run into <dataDir>/models), and the first-run import.
import { join } from 'node:path';
import type { ModelInfo, ModelsApi } from '../../common/api';
import type { FoundModel } from '../../models/findModels';
import { findModels } from '../../models/findModels';
import { unlistedModelsAllowed } from '../../models/allowedModel';
import { importModelFile } from '../../models/importModel';
import { readModelManifest } from '../../models/modelManifest';
import type { FileRefs } from '../fileRefs';

/** models imported at first run live in <dataDir>/models, searched after the installed and configured ones */
export function importedModelsDir(dataDir: string): string {
  return join(dataDir, 'models');
}

/** the environment the model search runs with: the process's, plus the imported models' folder */
export function appModelsEnv(dataDir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GIJIROKU_EXTRA_MODELS_DIR: importedModelsDir(dataDir) };
}

export interface ModelsServiceOptions {
  dataDir: string;
  files: FileRefs;
  /** the process's environment (the manifest's place, an administrator's GIJIROKU_ALLOW_UNLISTED_MODELS) */
  env: NodeJS.ProcessEnv;
}

export function createModelsService({ dataDir, files, env }: ModelsServiceOptions): ModelsApi {
  const modelsEnv = appModelsEnv(dataDir, env);
  return {
    async listModels() {
      return findModels(modelsEnv).map(modelInfo);
    },
    async importModel(fileRef) {
      const imported = await importModelFile(
        files.resolve(fileRef).path,
        importedModelsDir(dataDir),
        readModelManifest(env),
        unlistedModelsAllowed(modelsEnv),
      );
      const info = findModels(modelsEnv).find((m) => m.path === imported.path);
      if (!info) throw new Error(`imported model not found at ${imported.path}`);
      return modelInfo(info);
    },
  };
}

function modelInfo(m: FoundModel): ModelInfo {
  return { path: m.path, name: m.name, sizeBytes: m.size, languages: m.languages };
}
