// Each recording has a small JSON beside its WAV: what the meeting is called,
// which model drafts it, and — once it has become a meeting — the meeting's id.
// A WAV whose sidecar has no meeting id was cut short: it is recovered at start.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingInput } from '../common/api';
import { readJsonIfValid } from '../engine/jobFolder';
import { writeFileAtomic } from '../files/writeFileAtomic';

export interface RecordingSidecar {
  meeting: MeetingInput;
  /** '' : no live draft */
  model: string;
  startedAt: string;
  meetingId: number | null;
}

export interface RecordingPaths {
  wav: string;
  sidecar: string;
  /** the live draft's piece checkpoints */
  draftDir: string;
}

export function recordingsDir(dataDir: string): string {
  return join(dataDir, 'recordings');
}

export function recordingPaths(dataDir: string, recordingId: number): RecordingPaths {
  const base = join(recordingsDir(dataDir), `rec-${String(recordingId).padStart(6, '0')}`);
  return { wav: `${base}.wav`, sidecar: `${base}.json`, draftDir: `${base}.draft` };
}

/** ids of every recording in the folder, ascending */
export function listRecordingIds(dataDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(recordingsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .map((n) => /^rec-(\d{6,})\.wav$/.exec(n)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function readSidecar(path: string): RecordingSidecar | null {
  return readJsonIfValid<RecordingSidecar>(path);
}

/** written, fsync'd and renamed into place: after a power cut it is the old or the new one, never empty */
export function writeSidecar(path: string, sidecar: RecordingSidecar): void {
  writeFileAtomic(path, JSON.stringify(sidecar));
}
