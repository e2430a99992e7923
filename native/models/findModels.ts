import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readModelHeader, type ModelHeader } from './readModelHeader';

export interface FoundModel {
  path: string;
  name: string;
  size: number;
  languages: string;
  header: ModelHeader;
}

const PROJECT_ROOT = join(__dirname, '..', '..', '..');

/** Where models are looked for, in order: GIJIROKU_MODEL(S_DIR), the project's models/, ../shared/models. */
export function modelSearchDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env['GIJIROKU_MODELS_DIR']) dirs.push(resolve(env['GIJIROKU_MODELS_DIR']));
  dirs.push(join(PROJECT_ROOT, 'models'), resolve(PROJECT_ROOT, '..', 'shared', 'models'));
  // the app's own folder of models imported at first run (set by createApiService)
  if (env['GIJIROKU_EXTRA_MODELS_DIR']) dirs.push(resolve(env['GIJIROKU_EXTRA_MODELS_DIR']));
  return dirs;
}

export function findModels(env: NodeJS.ProcessEnv = process.env): FoundModel[] {
  const seen = new Set<string>();
  const found: FoundModel[] = [];
  const candidates: string[] = [];
  if (env['GIJIROKU_MODEL']) candidates.push(resolve(env['GIJIROKU_MODEL']));
  for (const dir of modelSearchDirs(env)) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (/^ggml-.*\.bin$/.test(f) && !/silero/.test(f)) candidates.push(join(dir, f));
    }
  }
  for (const path of candidates) {
    if (seen.has(path)) continue;
    seen.add(path);
    try {
      const header = readModelHeader(path);
      found.push({
        path,
        name: basename(path)
          .replace(/^ggml-/, '')
          .replace(/\.bin$/, ''),
        size: statSync(path).size,
        languages: header.multilingual ? 'multilingual (ja, en, …)' : 'en',
        header,
      });
    } catch {
      // listed models must load; broken files are reported when named explicitly
    }
  }
  return found;
}

/** The model used when none is named: GIJIROKU_MODEL, else the best multilingual model found. */
export function defaultModel(env: NodeJS.ProcessEnv = process.env): FoundModel | null {
  const models = findModels(env);
  if (env['GIJIROKU_MODEL']) return models.find((m) => m.path === resolve(env['GIJIROKU_MODEL'] ?? '')) ?? null;
  const rank = ['large-v3-turbo', 'large', 'medium', 'small', 'base', 'tiny'];
  const multilingual = models.filter((m) => m.header.multilingual);
  multilingual.sort((a, b) => rank.indexOf(a.header.family) - rank.indexOf(b.header.family));
  return multilingual[0] ?? null;
}

/** The Silero VAD model in ONNX form, for sherpa-onnx. */
export function findVadModel(env: NodeJS.ProcessEnv = process.env): string | null {
  return findVadModels(env)[0] ?? null;
}

/**
 * Every Silero VAD the engine listens with, v6 first. Each misses speech the other hears (v6 lost
 * 24 s of a reverberant hall's chair in the corpus, v5 some turn ends): the engine takes the union.
 * GIJIROKU_VAD_MODEL names one file to use alone.
 */
export function findVadModels(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env['GIJIROKU_VAD_MODEL']) return [resolve(env['GIJIROKU_VAD_MODEL'])];
  const found: string[] = [];
  for (const f of ['silero-vad-v6.onnx', 'silero-vad-v5.onnx']) {
    const p = modelSearchDirs(env)
      .map((dir) => join(dir, f))
      .find((x) => existsSync(x));
    if (p) found.push(p);
  }
  return found;
}

export interface SpeakerModels {
  /** CAM++ speaker embedding (speaker-embedding-*.onnx) */
  embedding: string | null;
  /** pyannote segmentation (speaker-segmentation-*.onnx): voice changes inside speech; optional */
  segmentation: string | null;
}

/** The speaker models: in `dir` or GIJIROKU_SPEAKER_MODELS_DIR when given, else where the whisper models are looked for. */
export function findSpeakerModels(env: NodeJS.ProcessEnv = process.env, dir?: string): SpeakerModels {
  const explicit = dir ?? env['GIJIROKU_SPEAKER_MODELS_DIR'];
  const dirs = explicit ? [resolve(explicit)] : modelSearchDirs(env);
  const pick = (prefix: string): string | null => {
    for (const d of dirs) {
      if (!existsSync(d) || !statSync(d).isDirectory()) continue;
      const f = readdirSync(d)
        .sort()
        .find((n) => n.startsWith(prefix) && n.endsWith('.onnx'));
      if (f) return join(d, f);
    }
    return null;
  };
  return { embedding: pick('speaker-embedding-'), segmentation: pick('speaker-segmentation-') };
}
