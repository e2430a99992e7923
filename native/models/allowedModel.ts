// Which model files a transcription may load. whisper.cpp's loader is large C++ that trusts its
// input, and the model path comes from the page: so only models found in the model folders (the
// installed ones, GIJIROKU_MODELS_DIR, the models imported at first run), and only those whose sha256
// models/manifest.json lists — unless an administrator allows others by setting
// GIJIROKU_ALLOW_UNLISTED_MODELS=1 for the app (a site's own fine-tune).
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { GijirokuError } from '../common/errors';
import { findModels } from './findModels';
import { readModelManifest } from './modelManifest';
import { readModelHeader } from './readModelHeader';

export interface ModelGate {
  /** the model's full path, or throws MODEL_NOT_FOUND / MODEL_INVALID */
  check(path: string): Promise<string>;
}

export function unlistedModelsAllowed(env: NodeJS.ProcessEnv): boolean {
  return env['GIJIROKU_ALLOW_UNLISTED_MODELS'] === '1';
}

export function createModelGate(env: NodeJS.ProcessEnv): ModelGate {
  /** a model's digest, computed once per file version: a large model takes seconds to hash */
  const digests = new Map<string, Promise<string>>();
  const digestOf = (path: string): Promise<string> => {
    const st = statSync(path);
    const key = `${path}\0${st.size}\0${st.mtimeMs}\0${st.ino}`;
    let d = digests.get(key);
    if (!d) {
      d = sha256File(path);
      digests.set(key, d);
      d.catch(() => digests.delete(key));
    }
    return d;
  };
  return {
    async check(path) {
      const full = resolve(path);
      readModelHeader(full); // missing → MODEL_NOT_FOUND, not ggml → MODEL_INVALID
      if (!findModels(env).some((m) => m.path === full)) throw outsideFolders(full);
      if (unlistedModelsAllowed(env)) return full;
      const sha = await digestOf(full);
      if (!readModelManifest(env).some((m) => m.sha256 === sha)) throw unlisted(full);
      return full;
    },
  };
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

function outsideFolders(path: string): GijirokuError {
  return new GijirokuError('MODEL_INVALID', {
    ja: `「${path}」はモデルのフォルダにありません。モデルは「モデルを取り込む」から取り込んでください。`,
    en: `"${path}" is not in a models folder. Import the model first ("Import a model").`,
  });
}

function unlisted(path: string): GijirokuError {
  return new GijirokuError('MODEL_INVALID', {
    ja: `モデル「${path}」は models/manifest.json に載っていない（内容が一致しない）ため使えません。管理者が許可した場合だけ使えます（GIJIROKU_ALLOW_UNLISTED_MODELS=1）。`,
    en: `The model "${path}" is not listed in models/manifest.json (its content does not match), so it is not used. An administrator can allow it (GIJIROKU_ALLOW_UNLISTED_MODELS=1).`,
  });
}
