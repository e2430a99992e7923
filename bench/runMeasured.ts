import { spawn } from 'node:child_process';
import { watchPeakRss } from './processTreeRss';

export interface Measured {
  wallS: number;
  peakRssMb: number;
  code: number | null;
  stderr: string;
}

/** Runs a command, timing it and sampling the peak RSS of its whole process tree. */
export function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const stop = watchPeakRss(child.pid ?? 0);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 100_000) stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const peak = stop();
      resolve({ wallS: (performance.now() - t0) / 1000, peakRssMb: peak / 1e6, code, stderr });
    });
  });
}

/** A CPU-bound competitor, as on a clerk's busy PC. */
export function startCpuHog(): () => void {
  const hog = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  return () => {
    hog.kill('SIGKILL');
  };
}
