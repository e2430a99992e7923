// Runs transcription jobs outside the UI process, one at a time: each job is
// the CLI (`gijiroku transcribe … --resume`) as a child process, so a crash of
// the engine never takes the app down, and a job cut short by closing or
// crashing the app continues from its checkpoint at the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Job } from '../../common/api';
import { isGijirokuError, type LocalizedText } from '../../common/errors';
import type { EngineProgress, Transcript } from '../../common/transcript';
import type { MeetingStore } from '../../store/meetingStoreContract';
import { writeFileAtomic } from '../../files/writeFileAtomic';
import { meetingJobsDir } from '../meetingFiles';
import { serializeTermFile } from '../../dictionary/serializeTermFile';
import type { TermEntry } from '../../dictionary/termEntry';
import { councilSteer } from '../../pipeline/councilSteer';
import { CliStderrReader } from './cliStderr';

export const DEFAULT_CLI = join(__dirname, '..', '..', '..', '..', 'bin', 'gijiroku.js');

export interface JobRunnerOptions {
  store: MeetingStore;
  dataDir: string;
  /** the CLI's entry script; run with this process's Node (or Electron as Node) */
  cliPath?: string;
  env?: NodeJS.ProcessEnv;
  /** at most one progress write per this many ms */
  progressIntervalMs?: number;
  /** after a job's transcript is stored (the service names its speakers from there) */
  onImported?: (meetingId: number) => void;
}

export interface JobRunner {
  /** queues a job already created in the store */
  enqueue(jobId: number): void;
  /** queued: dropped; running: the child is stopped (its checkpoint stays). Returns the job as stored. */
  cancel(jobId: number): Job;
  /** queues every job a previous run of the app left unfinished */
  resumeUnfinished(): void;
  /** stops the running child and leaves unfinished jobs to the next start */
  close(): Promise<void>;
}

interface Running {
  jobId: number;
  child: ChildProcess;
  cancelRequested: boolean;
  exited: Promise<void>;
}

/**
 * The meeting's steer (councilSteer: the council's name and 会議体, the enabled terms) for the CLI:
 * the terms as a file for --dictionary (prompt and corrections), or null when there are none. The
 * prompt is part of the job's resume key, so a job resumed after the dictionary changed starts over.
 */
function writeJobTerms(terms: TermEntry[], dir: string, jobId: number): string | null {
  if (terms.length === 0) return null;
  const path = join(dir, `job-${jobId}-terms.tsv`);
  writeFileAtomic(path, serializeTermFile(terms, { format: 'tsv', encoding: 'utf8' }));
  return path;
}

/**
 * Argument list of one job run; pure. Every value is joined to its option (`--body=-本会議`) and the
 * input comes after `--`, so a value that starts with "-" is never read as an option. Speakers are
 * always asked for: without their models the CLI says so and goes on.
 */
export function transcribeArgs(
  cli: string,
  input: string,
  model: string,
  jsonOut: string,
  steer: { terms: string | null; body: string; speakerHint?: number } | null = null,
): string[] {
  const dictionary = [
    ...(steer?.terms ? [`--dictionary=${steer.terms}`] : []),
    ...(steer?.body ? [`--body=${steer.body}`] : []),
    ...(steer?.speakerHint ? [`--speaker-hint=${steer.speakerHint}`] : []),
  ];
  return [cli, 'transcribe', `--model=${model}`, `--json=${jsonOut}`, '--resume', '--speakers=auto', ...dictionary, '--', input];
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const { store } = opts;
  const cli = opts.cliPath ?? DEFAULT_CLI;
  const interval = opts.progressIntervalMs ?? 500;
  const jobsDir = join(opts.dataDir, 'jobs');
  const resultsDir = join(opts.dataDir, 'results');
  const queue: number[] = [];
  let current: Running | null = null;
  let closed = false;

  const finish = (jobId: number, patch: Parameters<MeetingStore['updateJob']>[1]): void => {
    try {
      store.updateJob(jobId, patch);
    } catch (e) {
      process.stderr.write(`gijiroku: job ${jobId}: cannot record its end: ${String(e)}\n`);
    }
  };

  const pump = (): void => {
    while (!current && !closed && queue.length > 0) {
      const jobId = queue.shift() as number;
      try {
        start(jobId);
      } catch (e) {
        finish(jobId, { state: 'failed', error: errorText(e) });
      }
    }
  };

  const start = (jobId: number): void => {
    const job = store.getJob(jobId);
    if (job.state !== 'queued' && job.state !== 'running') return;
    const media = store.getMeeting(job.meetingId).media;
    if (!media || !existsSync(media.path)) {
      finish(jobId, { state: 'failed', error: mediaMissing(media?.path ?? '') });
      return;
    }
    mkdirSync(jobsDir, { recursive: true });
    mkdirSync(resultsDir, { recursive: true });
    const out = join(resultsDir, `job-${jobId}.json`);
    store.updateJob(jobId, { state: 'running', error: null });
    const { body, terms } = councilSteer(store, store.getMeeting(job.meetingId).body);
    // the roster's size as a hint: more voices than attendees are merged within bounds, never cut to it
    const steer = { terms: writeJobTerms(terms, resultsDir, jobId), body, speakerHint: store.getRoster(job.meetingId).length };

    const child = spawn(process.execPath, transcribeArgs(cli, media.path, job.model, out, steer), {
      // ELECTRON_RUN_AS_NODE: inside the packaged app process.execPath is Electron; under Node it is ignored
      env: { ...(opts.env ?? process.env), GIJIROKU_JOBS_DIR: meetingJobsDir(opts.dataDir, job.meetingId), ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    });
    const reader = new CliStderrReader();
    const progress = throttle(interval, (p: EngineProgress) => {
      if (current?.jobId === jobId && !current.cancelRequested) store.updateJob(jobId, { progress: p });
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      for (const p of reader.push(chunk)) progress.push(p);
    });

    const exited = new Promise<void>((resolve) => {
      let spawnError: Error | null = null;
      let ended = false;
      const onEnd = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (ended) return;
        ended = true;
        progress.cancel();
        const run = current;
        current = null;
        if (!closed || code === 0) settle(jobId, run, out, code, signal, reader, spawnError);
        resolve();
        pump();
      };
      // a child that never started may not emit 'close'
      child.on('error', (e) => {
        spawnError = e;
        if (child.pid === undefined) onEnd(null, null);
      });
      child.on('close', onEnd);
    });
    current = { jobId, child, cancelRequested: false, exited };
  };

  const settle = (
    jobId: number,
    run: Running | null,
    out: string,
    code: number | null,
    signal: NodeJS.Signals | null,
    reader: CliStderrReader,
    spawnError: Error | null,
  ): void => {
    rmSync(join(resultsDir, `job-${jobId}-terms.tsv`), { force: true });
    if (run?.cancelRequested) {
      // the page was told 'cancelled' at once; a run that happened to finish meanwhile does not override that
      rmSync(out, { force: true });
      finish(jobId, { state: 'cancelled' });
      return;
    }
    if (code === 0) {
      try {
        const transcript = JSON.parse(readFileSync(out, 'utf8')) as Transcript;
        const job = store.getJob(jobId);
        store.importTranscript(job.meetingId, transcript);
        finish(jobId, { state: 'done', progress: { stage: 'done', progress: 1, eta_s: 0 }, error: null });
        rmSync(meetingJobsDir(opts.dataDir, job.meetingId), { recursive: true, force: true });
        opts.onImported?.(job.meetingId);
      } catch (e) {
        finish(jobId, { state: 'failed', error: errorText(e) });
      } finally {
        rmSync(out, { force: true });
      }
      return;
    }
    if (code === 130) {
      finish(jobId, { state: 'cancelled' });
      return;
    }
    const error = spawnError
      ? { ja: `文字起こしを開始できませんでした（${spawnError.message}）。`, en: `Could not start transcription (${spawnError.message}).` }
      : reader.failure(code, signal);
    finish(jobId, { state: 'failed', error });
  };

  return {
    enqueue(jobId) {
      if (closed || current?.jobId === jobId || queue.includes(jobId)) return;
      queue.push(jobId);
      pump();
    },
    cancel(jobId) {
      const queued = queue.indexOf(jobId);
      if (queued >= 0) {
        queue.splice(queued, 1);
        return store.updateJob(jobId, { state: 'cancelled' });
      }
      if (current?.jobId === jobId) {
        current.cancelRequested = true;
        stopChild(current.child);
        return store.updateJob(jobId, { state: 'cancelled' });
      }
      const job = store.getJob(jobId);
      // left unfinished by an earlier run and not picked up yet
      if (job.state === 'queued' || job.state === 'running') return store.updateJob(jobId, { state: 'cancelled' });
      return job;
    },
    resumeUnfinished() {
      for (const job of store.unfinishedJobs()) this.enqueue(job.id);
    },
    async close() {
      closed = true;
      queue.length = 0;
      const run = current;
      if (!run) return;
      stopChild(run.child);
      await run.exited;
    },
  };
}

/** SIGTERM lets the CLI save its checkpoint and stop whisper-cli; SIGKILL if it does not within 10 s. */
function stopChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32' && child.pid) {
    // Windows has no SIGTERM: kill the tree, or whisper-cli would outlive the CLI. Finished pieces stay on disk.
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill());
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, 10_000);
  timer.unref();
  child.once('close', () => clearTimeout(timer));
}

/** Passes on at most one value per interval (the latest); a stage change passes at once. */
function throttle(ms: number, write: (p: EngineProgress) => void): { push(p: EngineProgress): void; cancel(): void } {
  let last = 0;
  let lastStage = '';
  let pending: EngineProgress | null = null;
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    timer = null;
    if (!pending) return;
    const p = pending;
    pending = null;
    last = Date.now();
    lastStage = p.stage;
    try {
      write(p);
    } catch (e) {
      process.stderr.write(`gijiroku: progress not saved: ${String(e)}\n`);
    }
  };
  return {
    push(p) {
      pending = p;
      const wait = ms - (Date.now() - last);
      if (p.stage !== lastStage || wait <= 0) {
        if (timer) clearTimeout(timer);
        flush();
      } else if (!timer) timer = setTimeout(flush, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

function errorText(e: unknown): LocalizedText {
  if (isGijirokuError(e)) return e.text;
  const msg = e instanceof Error ? e.message : String(e);
  return { ja: `文字起こしの結果を保存できませんでした（${msg}）。`, en: `The transcription result could not be saved (${msg}).` };
}

export function mediaMissing(path: string): LocalizedText {
  return {
    ja: `録音ファイル「${path}」が見つかりません。移動した場合は、ファイルの場所を指定し直してください。`,
    en: `The recording "${path}" was not found. If it was moved, point the meeting at its new location.`,
  };
}

/** the meeting's queued or running job, if any: a meeting has at most one at a time */
export function activeJob(store: MeetingStore, meetingId: number): Job | undefined {
  return store.listJobs().find((j) => j.meetingId === meetingId && (j.state === 'queued' || j.state === 'running'));
}
