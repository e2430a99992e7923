// transcriptLayers in a child process, for a long-lived process (the app's): kuromoji takes
// ~300 MB once built and a process never gives it back, so it is built in a child that exits.
import { join } from 'node:path';
import type { Transcript } from '../common/transcript';
import { loadTokenizer } from '../dictionary/loadTokenizer';
import { failedReply, forkJob, replyAndLeave } from '../process/forkJob';
import { transcriptLayers, type MeetingTranscript, type TranscriptLayers } from './transcriptLayers';

interface LayersJob {
  transcript: Transcript;
  layers: TranscriptLayers;
}

export function transcriptLayersInChild(
  transcript: Transcript,
  layers: TranscriptLayers,
  signal?: AbortSignal,
): Promise<MeetingTranscript> {
  const job: LayersJob = { transcript, layers };
  return forkJob<MeetingTranscript>(join(__dirname, 'transcriptLayersChild.js'), job, { signal });
}

async function run(job: LayersJob): Promise<void> {
  try {
    replyAndLeave({ kind: 'done', result: transcriptLayers(job.transcript, job.layers, await loadTokenizer()) });
  } catch (e) {
    replyAndLeave(failedReply(e));
  }
}

if (require.main === module) {
  process.once('message', (job: LayersJob) => void run(job));
}
