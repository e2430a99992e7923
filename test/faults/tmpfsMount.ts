// A small tmpfs for full-disk tests: only root may mount one; the tests skip with a message otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** fills the disk until at most `leaveBytes` are free (one filler file); returns the filler's path */
  fill(leaveBytes?: number): string;
  freeBytes(): number;
  unmount(): void;
}

export function tryMountTmpfs(dir: string, sizeBytes: number): SmallDisk | string {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0)
    return `skipped: cannot mount a tmpfs to simulate a full disk (needs root): ${(r.stderr || r.error?.message || '').trim()}`;
  const freeBytes = (): number => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    freeBytes,
    fill(leaveBytes = 0) {
      const filler = join(dir, `filler-${readdirSync(dir).length}.bin`);
      const size = Math.max(0, freeBytes() - leaveBytes);
      writeFileSync(filler, Buffer.alloc(size));
      return filler;
    },
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
