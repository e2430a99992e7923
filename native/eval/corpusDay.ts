import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { SAMPLE_RATE, wavHeader } from '../audio/wavHeader';
import { loadMeeting, type ReferenceSegment } from './corpus';

/**
 * A day of council meetings built from corpus meetings: each meeting in turn,
 * separated by recesses of faint room noise (no speech, no reference segment).
 * For the long-audio checks of the engine (text lost, loops, text in recesses)
 * and of speaker segmentation (many voices, voices across recesses).
 */
export interface CorpusDay {
  wav: string;
  /** seconds */
  duration: number;
  /** reference turns in day time; speaker ids are `meeting:speaker` */
  segments: ReferenceSegment[];
  speakers: Record<string, string>;
  /** verbatim reference text, turns joined */
  text: string;
  /** the recesses, seconds */
  recesses: { start: number; end: number }[];
}

export interface CorpusDayOptions {
  /** recess lengths in seconds, used in turn (default 150, 120, 180: 2–3 minutes) */
  recessS?: number[];
  /** seconds of room noise before the first meeting and after the last */
  edgeS?: number;
}

export function buildCorpusDay(names: string[], wav: string, opts: CorpusDayOptions = {}): CorpusDay {
  const recessS = opts.recessS ?? [150, 120, 180];
  const edgeS = opts.edgeS ?? 2;
  const noise = roomNoise(0x5eed);
  const parts: Buffer[] = [];
  const segments: ReferenceSegment[] = [];
  const speakers: Record<string, string> = {};
  const recesses: { start: number; end: number }[] = [];
  let samples = 0;
  const pushNoise = (seconds: number): void => {
    const n = Math.round(seconds * SAMPLE_RATE);
    parts.push(noise(n));
    samples += n;
  };
  pushNoise(edgeS);
  names.forEach((name, i) => {
    if (i > 0) {
      const start = samples / SAMPLE_RATE;
      pushNoise(recessS[(i - 1) % recessS.length] ?? 120);
      recesses.push({ start, end: samples / SAMPLE_RATE });
    }
    const meeting = loadMeeting(name);
    const pcm = decodePcm(meeting.audio);
    const offset = samples / SAMPLE_RATE;
    for (const s of meeting.segments) {
      segments.push({ ...s, speaker: `${name}:${s.speaker}`, start: round3(s.start + offset), end: round3(s.end + offset) });
    }
    for (const [id, role] of Object.entries(meeting.speakers)) speakers[`${name}:${id}`] = role;
    parts.push(pcm);
    samples += pcm.length / 2;
  });
  pushNoise(edgeS);
  const data = Buffer.concat(parts);
  writeFileSync(wav, Buffer.concat([wavHeader(data.length), data]));
  return { wav, duration: samples / SAMPLE_RATE, segments, speakers, text: segments.map((s) => s.text).join(''), recesses };
}

function decodePcm(audio: string): Buffer {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-i', audio, '-ar', String(SAMPLE_RATE), '-ac', '1', '-f', 's16le', '-'], {
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`ffmpeg could not decode ${audio}: ${r.stderr.toString()}`);
  return r.stdout;
}

/**
 * Deterministic faint room noise: low-passed white noise near −60 dBFS with a
 * 50 Hz hum a little below it, like an empty hall's air conditioning.
 */
function roomNoise(seed: number): (n: number) => Buffer {
  let state = seed >>> 0;
  let lp = 0;
  let t = 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => {
    const out = Buffer.alloc(n * 2);
    for (let i = 0; i < n; i++, t++) {
      lp = 0.9 * lp + 0.1 * (random() * 2 - 1);
      const v = lp * 120 + Math.sin((2 * Math.PI * 50 * t) / SAMPLE_RATE) * 20;
      out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v))), i * 2);
    }
    return out;
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
