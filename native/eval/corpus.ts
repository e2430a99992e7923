import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared test corpus: GIJIROKU_CORPUS, else ../shared/corpus beside the checkout. */
export function corpusDir(): string | null {
  const dir = process.env['GIJIROKU_CORPUS'] ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
  return existsSync(dir) ? dir : null;
}

export interface ReferenceSegment {
  speaker: string;
  start: number;
  end: number;
  text: string;
  text_clean: string;
}

export interface CorpusMeeting {
  name: string;
  audio: string;
  segments: ReferenceSegment[];
  speakers: Record<string, string>;
  /** verbatim reference text, turns joined */
  text: string;
}

export function loadMeeting(name: string, dir = corpusDir()): CorpusMeeting {
  if (!dir) throw new Error('corpus not found');
  const ref = JSON.parse(readFileSync(join(dir, name, 'reference.json'), 'utf8')) as {
    segments: ReferenceSegment[];
    speakers: Record<string, string>;
  };
  return {
    name,
    audio: join(dir, name, 'audio.flac'),
    segments: ref.segments,
    speakers: ref.speakers,
    text: ref.segments.map((s) => s.text).join(''),
  };
}

export function listMeetings(dir = corpusDir()): string[] {
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => existsSync(join(dir, f, 'reference.json')))
    .sort();
}
