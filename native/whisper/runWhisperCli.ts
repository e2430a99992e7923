import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setPriority } from 'node:os';
import { GijirokuError } from '../common/errors';
import { cancelled } from '../audio/decodeToPcm';
import { cpuBusyFraction, whisperEnv } from './cpuContention';

export interface WhisperRunEvents {
  /** a file has started (index into the files given) */
  onFileStart?: (index: number) => void;
  /** progress within the current file, 0..1 */
  onFileProgress?: (index: number, fraction: number) => void;
  /** the JSON of a file is written */
  onFileDone?: (index: number) => void;
}

export interface WhisperJob {
  binary: string;
  model: string;
  args: string[];
  /** input WAV and output base name (whisper-cli appends .json) for each file */
  files: { wav: string; outBase: string }[];
  signal?: AbortSignal;
  /** os.setPriority value for the child (19 lowest); left out: inherited */
  priority?: number;
  /** whisper-cli's own log is appended here, for support */
  logPath?: string;
}

/**
 * Runs whisper-cli once over many files: the model loads once, and each file's
 * JSON is on disk as soon as that file is done, which is what resume relies on.
 */
export async function runWhisperCli(job: WhisperJob, events: WhisperRunEvents = {}): Promise<void> {
  const args = ['-m', job.model, ...job.args, '-ojf', '-pp'];
  for (const f of job.files) args.push('-f', f.wav, '-of', f.outBase);
  const child = spawn(job.binary, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    windowsHide: true,
    env: whisperEnv(process.env, await cpuBusyFraction()),
  });
  if (job.priority !== undefined && child.pid !== undefined) {
    try {
      setPriority(child.pid, job.priority);
    } catch {
      /* not allowed here: runs at normal priority */
    }
  }
  const onAbort = (): void => {
    child.kill('SIGKILL');
  };
  job.signal?.addEventListener('abort', onAbort, { once: true });

  let current = -1;
  let tail = '';
  let log = '';
  child.stderr.setEncoding('utf8');
  if (job.logPath) child.stderr.pipe(createWriteStream(job.logPath, { flags: 'a' }));
  child.stderr.on('data', (s: string) => {
    if (log.length < 64 * 1024) log += s;
    const lines = (tail + s).split('\n');
    tail = lines.pop() ?? '';
    for (const line of lines) {
      if (/^main: processing '/.test(line)) {
        current++;
        events.onFileStart?.(current);
      } else {
        const m = /progress =\s*(\d+)%/.exec(line);
        if (m && current >= 0) events.onFileProgress?.(current, Number(m[1]) / 100);
        else if (/^output_json: saving output/.test(line) && current >= 0) events.onFileDone?.(current);
      }
    }
  });

  return new Promise((resolve, reject) => {
    child.on('error', (e) =>
      reject(
        new GijirokuError(
          'WHISPER_MISSING',
          {
            ja: `音声認識エンジンを起動できません：${job.binary}`,
            en: `The speech engine could not be started: ${job.binary}`,
          },
          { cause: e },
        ),
      ),
    );
    child.on('close', (code, sig) => {
      job.signal?.removeEventListener('abort', onAbort);
      if (job.signal?.aborted) return reject(cancelled());
      if (code === 0) return resolve();
      reject(whisperFailure(log, code, sig));
    });
  });
}

export function whisperFailure(log: string, code: number | null, sig: NodeJS.Signals | null): GijirokuError {
  if (/failed to (load model|initialize whisper context)|invalid model|bad magic/i.test(log)) {
    return new GijirokuError('MODEL_INVALID', {
      ja: 'モデルファイルを読み込めません。ファイルが壊れているか、whisper.cpp のモデル（ggml 形式）ではありません。',
      en: 'The model file could not be loaded: it is damaged or is not a whisper.cpp (ggml) model.',
    });
  }
  const lastLines = log.trim().split('\n').slice(-3).join(' / ');
  return new GijirokuError('WHISPER_FAILED', {
    ja: `音声認識エンジンが異常終了しました（${sig ?? code}）。${lastLines}`,
    en: `The speech engine stopped unexpectedly (${sig ?? code}). ${lastLines}`,
  });
}
