// Test support: perfect clusters from the corpus reference, until diarization lands.
import { readFileSync } from 'node:fs';
import type { SpeakerTurn } from '../../native/common/speakers';

export function readRttm(path: string): SpeakerTurn[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('SPEAKER'))
    .map((l) => {
      const f = l.trim().split(/\s+/);
      return { start: Number(f[3]), end: Number(f[3]) + Number(f[4]), speaker: f[7]! };
    });
}

/** Each piece gets the reference speaker it overlaps most in time; null when it overlaps none. */
export function assignSpeakers<T extends { start: number; end: number }>(
  pieces: T[],
  turns: SpeakerTurn[],
): Array<T & { speaker: string | null }> {
  return pieces.map((p) => {
    const overlap = new Map<string, number>();
    for (const t of turns) {
      const o = Math.min(p.end, t.end) - Math.max(p.start, t.start);
      if (o > 0) overlap.set(t.speaker, (overlap.get(t.speaker) ?? 0) + o);
    }
    const best = [...overlap.entries()].sort((a, b) => b[1] - a[1])[0];
    return { ...p, speaker: best ? best[0] : null };
  });
}
