import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript } from '../../native/common/transcript';
import { CLI, corpusAudio, NO_CORPUS, NO_MODEL, runCli, tempDir, testModel } from '../helpers/fixtures';

const model = testModel();
const audio = corpusAudio('m02_kosei_hoikuen');

/** Starts the CLI in its own process group and SIGKILLs the whole group (CLI and whisper-cli) once some pieces are done. */
function killMidway(args: string[], jobs: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, GIJIROKU_JOBS_DIR: jobs },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    const piecesDone = (): number => {
      const job = existsSync(jobs) ? readdirSync(jobs)[0] : undefined;
      return job && existsSync(join(jobs, job, 'pieces'))
        ? readdirSync(join(jobs, job, 'pieces')).filter((f) => f.endsWith('.json')).length
        : 0;
    };
    const timer = setInterval(() => {
      const n = piecesDone();
      if (n >= 2 && child.pid) {
        clearInterval(timer);
        process.kill(-child.pid, 'SIGKILL');
      }
    }, 50);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(timer);
      resolve(piecesDone());
    });
  });
}

test(
  'kill -9 mid-run, then --resume: same transcript as an uninterrupted run, the chunk the kill cut read again once',
  { skip: !model ? NO_MODEL : !audio ? NO_CORPUS : false },
  async () => {
    const dir = tempDir();
    const args = (out: string): string[] => ['transcribe', audio ?? '', '--model', model ?? '', '--json', out];

    const wholeJobs = join(dir, 'whole-jobs');
    const whole = await runCli(args(join(dir, 'whole.json')), { GIJIROKU_JOBS_DIR: wholeJobs });
    assert.equal(whole.code, 0, whole.stderr);
    assert.deepEqual(readdirSync(wholeJobs), [], 'the job folder is removed after success');

    const jobs = join(dir, 'jobs');
    const out = join(dir, 'resumed.json');
    const done = await killMidway(args(out), jobs);
    assert.ok(done >= 2, `pieces finished before the kill: ${done}`);
    assert.equal(existsSync(out), false, 'no output from a killed run');

    // whisper-cli's log (appended by both runs) names each piece it started
    const job = join(jobs, readdirSync(jobs)[0] ?? '');
    const pieceRuns = (): number =>
      readFileSync(join(job, 'whisper.log'), 'utf8')
        .split('\n')
        .filter((l) => /^main: processing '.*p\d{5}\.wav'/.test(l)).length;
    const beforeResume = pieceRuns();
    const resumed = await runCli([...args(out), '--resume', '--keep-job'], { GIJIROKU_JOBS_DIR: jobs });
    assert.equal(resumed.code, 0, resumed.stderr);
    const a = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8')) as Transcript;
    const b = JSON.parse(readFileSync(out, 'utf8')) as Transcript;
    assert.deepEqual(b.segments, a.segments);

    // m02's plan is one chunk (≤ 40 pieces, one whisper-cli process): the chunk the kill cut is read again whole, once
    const pieces = (JSON.parse(readFileSync(join(job, 'plan.json'), 'utf8')) as { pieces: unknown[] }).pieces.length;
    assert.ok(pieces <= 40);
    assert.equal(pieceRuns() - beforeResume, pieces);
  },
);
