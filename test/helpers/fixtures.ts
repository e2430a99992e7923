import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const CLI = join(ROOT, 'bin', 'gijiroku.js');

/**
 * A test asset (a model, a corpus file) that is missing: null, so the test skips with `reason`;
 * under GIJIROKU_REQUIRE_ASSETS=1 (CI, .ci/run) an error instead, so nothing passes by skipping.
 */
export function assetOrSkip(path: string, reason: string): string | null {
  if (existsSync(path)) return path;
  if (process.env['GIJIROKU_REQUIRE_ASSETS'] === '1') throw new Error(`${path} is missing: ${reason} (GIJIROKU_REQUIRE_ASSETS=1)`);
  return null;
}

export const NO_MODEL =
  'skipped: ggml-base-q8_0.bin not found in ../shared/models and GIJIROKU_MODEL is not set (models are never downloaded)';

/** The Japanese whisper model the tests use: GIJIROKU_MODEL, else ../shared/models. */
export function testModel(): string | null {
  return assetOrSkip(process.env['GIJIROKU_MODEL'] ?? join(SHARED, 'models', 'ggml-base-q8_0.bin'), NO_MODEL);
}

export const NO_CORPUS = 'skipped: ../shared/corpus not found and GIJIROKU_CORPUS is not set';

export function corpusAudio(name: string): string | null {
  return assetOrSkip(join(process.env['GIJIROKU_CORPUS'] ?? join(SHARED, 'corpus'), name, 'audio.flac'), NO_CORPUS);
}

export function tempDir(prefix = 'gijiroku-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would, with its own job folder. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, GIJIROKU_JOBS_DIR: env['GIJIROKU_JOBS_DIR'] ?? tempDir('gijiroku-jobs-'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** System ffmpeg, for making test inputs in many formats. */
export function makeMedia(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', ...args]);
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${r.stderr.toString()}`);
}
