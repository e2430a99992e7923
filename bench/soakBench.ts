import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { treeRss } from './processTreeRss';
import type { SoakMessage } from './soakChild';
import { printTable } from './table';

export interface SoakRow {
  job: number;
  file: string;
  audio_s: number;
  wall_s: number;
  rtf: number;
  state: string;
  segments: number;
  /** the app process alone, when the job started */
  app_rss_start_mb: number;
  app_peak_rss_mb: number;
  /** the app and its children (the CLI, whisper-cli, diarization workers) */
  tree_peak_rss_mb: number;
  heap_mb: number;
  external_mb: number;
  /** app peak RSS of this job against job 1 */
  app_peak_growth_pct: number;
}

const PAGE = 4096;

function ownRss(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

/**
 * Soak: `jobs` transcriptions of one file back to back in ONE app process (bench/soakChild:
 * the real API service and store). The app's own RSS and its process tree's RSS are sampled
 * from /proc every 100 ms and attributed to the job running; the target is that the app's peak
 * does not grow from job 1 to the last by more than 5 %.
 */
export async function runSoakBench(audio: string, model: string, jobs = 3): Promise<SoakRow[]> {
  const file = basename(dirname(audio)) || basename(audio);
  const child = fork(join(__dirname, 'soakChild.js'), [audio, model, String(jobs)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const pid = child.pid ?? 0;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 100_000) stderr += d.toString();
  });

  let current = { job: 0, appStart: 0, appPeak: 0, treePeak: 0 };
  const rows: SoakRow[] = [];
  const timer = setInterval(() => {
    current.appPeak = Math.max(current.appPeak, ownRss(pid));
    current.treePeak = Math.max(current.treePeak, treeRss(pid));
  }, 100);
  child.on('message', (m: SoakMessage) => {
    if (m.type === 'start') {
      const rss = ownRss(pid);
      current = { job: m.job, appStart: rss, appPeak: rss, treePeak: treeRss(pid) };
      process.stderr.write(`bench: soak ${file} · job ${m.job} of ${jobs} … `);
      return;
    }
    process.stderr.write(`${m.wallS.toFixed(1)} s ${m.state}\n`);
    const appPeakMb = current.appPeak / 1e6;
    const firstPeak = rows[0]?.app_peak_rss_mb ?? appPeakMb;
    rows.push({
      job: m.job,
      file,
      audio_s: round(m.audioS, 1),
      wall_s: round(m.wallS, 1),
      rtf: round(m.wallS / m.audioS, 3),
      state: m.error ? `${m.state}: ${m.error}` : m.state,
      segments: m.segments,
      app_rss_start_mb: round(current.appStart / 1e6, 0),
      app_peak_rss_mb: round(appPeakMb, 0),
      tree_peak_rss_mb: round(current.treePeak / 1e6, 0),
      heap_mb: round(m.heapMb, 0),
      external_mb: round(m.externalMb, 0),
      app_peak_growth_pct: round(((appPeakMb - firstPeak) / firstPeak) * 100, 1),
    });
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  }).finally(() => clearInterval(timer));
  if (code !== 0) throw new Error(`soak bench: the app process exited with ${code}: ${stderr.slice(-500)}`);
  printTable(`Soak (${jobs} jobs of ${file} in one app process; app = its own RSS, tree = with the CLI and whisper-cli)`, rows);
  return rows;
}

/** Growth of the app's peak RSS from the first job to the last, in %; null with fewer than two jobs. */
export function soakGrowthPct(rows: SoakRow[]): number | null {
  return rows.length < 2 ? null : (rows.at(-1)?.app_peak_growth_pct ?? null);
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

if (require.main === module) {
  const [audio, model, jobs] = process.argv.slice(2);
  if (!audio || !model) {
    console.error('usage: node dist/bench/soakBench.js AUDIO MODEL [JOBS]');
    process.exit(2);
  }
  runSoakBench(audio, model, Number(jobs ?? 3)).then(
    (rows) => console.log(JSON.stringify(rows)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
