// The API's whisper models: those found in the model folders, and a first-run import from a USB stick.
import type { FileRef } from './files';

export interface ModelInfo {
  path: string;
  name: string;
  sizeBytes: number;
  languages: string;
}

export interface ModelsApi {
  listModels(): Promise<ModelInfo[]>;
  /** first run: copies a model (e.g. from a USB stick) into the app's models folder, refused unless its sha256 matches models/manifest.json */
  importModel(file: FileRef): Promise<ModelInfo>;
}

export const MODELS_METHODS = ['listModels', 'importModel'] as const satisfies readonly (keyof ModelsApi)[];
