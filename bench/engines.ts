import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Transcript } from '../native/common/transcript';
import { DEFAULT_DECODE } from '../native/whisper/decodeOptions';
import { findWhisperCli } from '../native/whisper/findWhisperCli';
import { cpuBusyFraction, whisperEnv } from '../native/whisper/cpuContention';
import { runMeasured, type Measured } from './runMeasured';

export const ROOT = resolve(__dirname, '..', '..');

/** What one engine produced on one file: timed segments in recording seconds. */
export interface EngineRun extends Measured {
  segments: { start: number; end: number; text: string }[];
}

export const THREADS = 2;
/** Our decoding options, given to the bare whisper-cli too. */
/** Our decoding options (the defaults; the DTW preset comes from the model when it runs). */
export const OUR_OPTIONS = { ...DEFAULT_DECODE, threads: THREADS };

export async function runOurs(audio: string, model: string, out: string, extra: string[] = []): Promise<EngineRun> {
  const jobs = `${out}.jobs`;
  const m = await runMeasured(
    process.execPath,
    [join(ROOT, 'bin', 'gijiroku.js'), 'transcribe', audio, '--model', model, '--threads', String(THREADS), '--json', out, ...extra],
    { ...process.env, GIJIROKU_JOBS_DIR: jobs },
  );
  const t = m.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as Transcript) : null;
  return { ...m, segments: t?.segments ?? [] };
}

/** whisper-cli alone on a 16 kHz WAV (conversion not timed), with the given arguments. */
export async function runBareWhisper(wav: string, model: string, outBase: string, args: string[]): Promise<EngineRun> {
  const bin = findWhisperCli().path;
  const m = await runMeasured(
    bin,
    ['-m', model, ...args, '-ojf', '-f', wav, '-of', outBase],
    whisperEnv(process.env, await cpuBusyFraction()),
  );
  const segments =
    m.code === 0 && existsSync(`${outBase}.json`)
      ? (
          JSON.parse(readFileSync(`${outBase}.json`, 'utf8')) as {
            transcription: { offsets: { from: number; to: number }; text: string }[];
          }
        ).transcription.map((s) => ({ start: s.offsets.from / 1000, end: s.offsets.to / 1000, text: s.text }))
      : [];
  return { ...m, segments };
}

export function toWav(audio: string, wav: string): void {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', audio, '-ar', '16000', '-ac', '1', '-c:a', 'pcm_s16le', wav]);
  if (r.status !== 0) throw new Error(r.stderr.toString());
}

export interface FasterWhisper {
  python: string;
  model: string;
}

/** faster-whisper (noScribe's and WhisperX's engine) in its own venv, set up from PyPI. */
export function setupFasterWhisper(): FasterWhisper | null {
  const r = spawnSync('bash', [join(ROOT, 'bench', 'peers', 'setup-faster-whisper.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) return null;
  const model = r.stdout.trim().split('\n').pop() ?? '';
  const venv = process.env['GIJIROKU_BENCH_VENV'] ?? join(homedir(), '.cache', 'gijiroku', 'bench-venv');
  return { python: join(venv, 'bin', 'python'), model };
}

export async function runFasterWhisper(fw: FasterWhisper, audio: string, out: string): Promise<EngineRun> {
  const m = await runMeasured(fw.python, [
    join(ROOT, 'bench', 'peers', 'faster_whisper_run.py'),
    '--model',
    fw.model,
    '--audio',
    audio,
    '--language',
    'ja',
    '--threads',
    String(THREADS),
    '--beam-size',
    '5',
    '--compute-type',
    'int8',
    '--out',
    out,
  ]);
  const segments =
    m.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as { segments: { start: number; end: number; text: string }[] }).segments : [];
  return { ...m, segments };
}
