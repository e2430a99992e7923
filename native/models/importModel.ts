// First run on an isolated PC: IT brings a model on a USB stick. The file is copied into the app's
// models folder while its sha256 is computed, and kept only when it matches models/manifest.json.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { basename, join, resolve } from 'node:path';
import { diskFullError, GijirokuError, isDiskFull } from '../common/errors';
import type { ManifestModel } from './modelManifest';
import { readModelHeader } from './readModelHeader';
import { openAtomicFile } from '../files/writeFileAtomic';

export interface ImportedModel {
  path: string;
  sha256: string;
  /** the manifest entry it matched; null for a model the manifest does not list (imported only when an administrator allows it) */
  known: ManifestModel | null;
}

/** `allowUnlisted`: an administrator allowed models the manifest does not list (allowedModel.ts); otherwise they are refused too */
export async function importModelFile(
  source: string,
  modelsDir: string,
  manifest: ManifestModel[],
  allowUnlisted = false,
): Promise<ImportedModel> {
  const from = resolve(source);
  readModelHeader(from); // a missing or non-ggml file is refused before anything is copied
  const size = statSync(from).size;
  const byName = manifest.find((m) => m.file === basename(from));
  if (byName?.sha256 && byName.size !== size) throw mismatch(from, byName);
  mkdirSync(modelsDir, { recursive: true, mode: 0o700 });
  // the final name depends on the digest, so the copy starts under a name of its own and is renamed once known
  const copy = openAtomicFile(join(modelsDir, basename(from)));
  const hash = createHash('sha256');
  try {
    await pipeline(
      createReadStream(from),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream('', { fd: copy.fd, autoClose: false }),
    );
  } catch (e) {
    copy.abort();
    if (isDiskFull(e)) throw diskFullError(modelsDir, e);
    throw e;
  }
  const sha256 = hash.digest('hex');
  const known = manifest.find((m) => m.sha256 === sha256) ?? null;
  if (!known && byName?.sha256) {
    copy.abort();
    throw mismatch(from, byName);
  }
  if (!known && !allowUnlisted) {
    copy.abort();
    throw unlistedModel(from);
  }
  const target = join(modelsDir, known?.file ?? basename(from));
  copy.commit(target);
  return { path: target, sha256, known };
}

function unlistedModel(path: string): GijirokuError {
  return new GijirokuError('MODEL_INVALID', {
    ja: `モデルファイル「${path}」は models/manifest.json に載っていないため、取り込んでいません。管理者が許可した場合だけ使えます（GIJIROKU_ALLOW_UNLISTED_MODELS=1）。`,
    en: `The model file "${path}" is not listed in models/manifest.json, so it was not imported. An administrator can allow it (GIJIROKU_ALLOW_UNLISTED_MODELS=1).`,
  });
}

function mismatch(path: string, entry: ManifestModel): GijirokuError {
  return new GijirokuError('MODEL_INVALID', {
    ja: `モデルファイル「${path}」は、既知の ${entry.name}（${entry.file}）と内容が一致しません（コピーの途中で壊れた可能性があります）。取り込んでいません。元のファイルからもう一度コピーしてください。`,
    en: `The model file "${path}" does not match the known ${entry.name} (${entry.file}); it may have been damaged while copying. Nothing was imported. Copy it again from the original.`,
  });
}
