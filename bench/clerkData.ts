// Engine outputs of corpus meetings, for the doubt model's training (trainDoubt.ts) and the
// clerk-minutes bench (clerkBench.ts): a folder of transcript JSONs (searched recursively; a
// file belongs to the corpus meeting its name starts with), each paired with its reference.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Transcript } from '../native/common/transcript';
import { chargeErrors, clerkMeasures, type ClerkMeasures, type ErrorCharges } from '../native/eval/clerkMinutes';
import { listMeetings, loadMeeting, type CorpusMeeting } from '../native/eval/corpus';
import { corpusHalves, halfOf } from '../native/eval/corpusHalves';

export interface EngineOutput {
  /** path relative to the folder it was found in */
  file: string;
  meeting: CorpusMeeting;
  half: 'tune' | 'check' | 'neither';
  transcript: Transcript;
}

export function readEngineOutputs(folders: readonly string[]): EngineOutput[] {
  const names = listMeetings().sort((a, b) => b.length - a.length);
  const halves = corpusHalves();
  const meetings = new Map<string, CorpusMeeting>();
  const out: EngineOutput[] = [];
  for (const folder of folders) {
    for (const path of jsonFiles(folder)) {
      const name = names.find((n) => basename(path).startsWith(n));
      if (!name) continue;
      const transcript = JSON.parse(readFileSync(path, 'utf8')) as Transcript;
      if (!Array.isArray(transcript.segments)) continue;
      if (!meetings.has(name)) meetings.set(name, loadMeeting(name));
      out.push({ file: relative(folder, path) || basename(path), meeting: meetings.get(name)!, half: halfOf(name, halves), transcript });
    }
  }
  return out.sort((a, b) => a.meeting.name.localeCompare(b.meeting.name) || a.file.localeCompare(b.file));
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return jsonFiles(p);
      return f.endsWith('.json') ? [p] : [];
    });
}

/** Errors charged to the words of the transcript (the reference turns are in time order in the corpus). */
export function chargesOf(o: EngineOutput): ErrorCharges {
  return chargeErrors(o.meeting.segments, o.transcript.segments);
}

/** The measures of a transcript whose words carry `doubt` (the review pass's marks). */
export function measuresByDoubt(o: EngineOutput, charges = chargesOf(o)): ClerkMeasures {
  const segs = o.transcript.segments;
  return clerkMeasures(charges, (u) => u.token >= 0 && segs[u.segment]!.tokens[u.token]!.doubt === true, durationOf(o));
}

export function durationOf(o: EngineOutput): number {
  return o.transcript.audio.duration || (o.meeting.segments.at(-1)?.end ?? 0);
}
