import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { decodeAndDetect } from '../../native/engine/decodeAndDetect';
import { findVadModels } from '../../native/models/findModels';
import type { SpeechRegion } from '../../native/vad/detectSpeech';
import { buildCorpusDay } from '../../native/eval/corpusDay';
import { loadMeeting, listMeetings, type ReferenceSegment } from '../../native/eval/corpus';

/**
 * The decoding experiments' cache: each recording is decoded and its speech found
 * once; each (recording, decoding setting) is decoded once. Lives outside the
 * checkout (GIJIROKU_TUNE_CACHE, default ~/.cache/gijiroku/tune).
 */
export const TUNE_ROOT = process.env['GIJIROKU_TUNE_CACHE'] ?? join(homedir(), '.cache', 'gijiroku', 'tune');

export interface PreparedRecording {
  name: string;
  dir: string;
  pcmPath: string;
  samples: number;
  /** the first VAD's regions: they shape the pieces */
  regions: SpeechRegion[];
  /** what any VAD heard: the decode stage accounts for all of it */
  speech: SpeechRegion[];
  reference: ReferenceSegment[];
  /** the recording itself (a corpus file, or the built day) */
  audio: string;
}

/** The day of meetings: every single corpus meeting in turn, 2–3-minute recesses between. */
export const DAY = 'day_of_meetings';

export async function prepare(name: string): Promise<PreparedRecording> {
  const dir = join(TUNE_ROOT, name);
  mkdirSync(dir, { recursive: true });
  let audio: string;
  let reference: ReferenceSegment[];
  if (name === DAY) {
    audio = join(dir, 'day.wav');
    const names = listMeetings().filter((n) => /^m\d/.test(n));
    const day = buildCorpusDay(names, audio);
    reference = day.segments;
  } else {
    const m = loadMeeting(name);
    audio = m.audio;
    reference = m.segments;
  }
  const pcmPath = join(dir, 'audio.s16le');
  const meta = join(dir, 'regions.json');
  const cached = existsSync(meta)
    ? (JSON.parse(readFileSync(meta, 'utf8')) as { samples: number; regions: SpeechRegion[]; speech?: SpeechRegion[] })
    : null;
  if (!cached?.speech || !existsSync(pcmPath)) {
    const r = await decodeAndDetect(audio, pcmPath, { vadModels: findVadModels() });
    writeFileSync(meta, JSON.stringify({ samples: r.samples, regions: r.regions, speech: r.speech }));
  }
  const { samples, regions, speech } = JSON.parse(readFileSync(meta, 'utf8')) as {
    samples: number;
    regions: SpeechRegion[];
    speech: SpeechRegion[];
  };
  return { name, dir, pcmPath, samples, regions, speech, reference, audio };
}

export function configDir(rec: PreparedRecording, config: unknown): string {
  const key = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
  const dir = join(rec.dir, key);
  mkdirSync(join(dir, 'pieces'), { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 1));
  return dir;
}
