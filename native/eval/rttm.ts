import type { SpeakerTurn } from '../common/speakers';

/** RTTM `SPEAKER` lines → turns (other line types are ignored). */
export function parseRttm(text: string): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'SPEAKER' || f.length < 8) continue;
    const start = Number(f[3]);
    const duration = Number(f[4]);
    if (!Number.isFinite(start) || !Number.isFinite(duration)) throw new Error(`bad RTTM line: ${line}`);
    turns.push({ start, end: start + duration, speaker: f[7] ?? '' });
  }
  return turns;
}

export function toRttm(file: string, turns: SpeakerTurn[]): string {
  return turns
    .map((t) => `SPEAKER ${file} 1 ${t.start.toFixed(3)} ${(t.end - t.start).toFixed(3)} <NA> <NA> ${t.speaker} <NA> <NA>\n`)
    .join('');
}
