import { cpus } from 'node:os';

/** Share of all CPU time (0..1) that was busy over a short sample, ours included. */
export async function cpuBusyFraction(sampleMs = 150): Promise<number> {
  const total = (): { busy: number; all: number } => {
    let busy = 0;
    let all = 0;
    for (const c of cpus()) {
      const t = c.times;
      const sum = t.user + t.nice + t.sys + t.irq + t.idle;
      all += sum;
      busy += sum - t.idle;
    }
    return { busy, all };
  };
  const a = total();
  await new Promise((r) => setTimeout(r, sampleMs));
  const b = total();
  const all = b.all - a.all;
  return all > 0 ? (b.busy - a.busy) / all : 0;
}

/**
 * whisper-cli's OpenMP threads wait for each other thousands of times a second.
 * Spinning while they wait is fastest on an idle machine (a decoded token costs
 * ~6 ms instead of ~9 ms) but 10× slower when another process holds a core, as
 * a spinning thread then burns the time slice its partner needs. So: spin when
 * the CPU is free, barely spin when it is not (measured on 2 cores, see bench).
 */
export function whisperEnv(env: NodeJS.ProcessEnv, busyFraction: number): NodeJS.ProcessEnv {
  if (env['OMP_WAIT_POLICY'] || env['GOMP_SPINCOUNT']) return { ...env };
  return { ...env, GOMP_SPINCOUNT: busyFraction > BUSY ? '300' : '3000' };
}

/** Another process using a quarter of the machine (half a core of two) counts as contention. */
const BUSY = 0.25;
