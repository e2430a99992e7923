// The engine's Transcript v1 from decoded pieces: the one place that builds it, for a file's job
// and for a recording's live draft alike.
import { basename } from 'node:path';
import { SAMPLE_RATE } from '../audio/wavHeader';
import { roundToMs } from '../common/roundToMs';
import { TRANSCRIPT_VERSION, type Transcript, type TranscriptTiming, type TruncationInfo } from '../common/transcript';
import { assembleTranscript, type PieceResult } from './assembleTranscript';

export interface EngineTranscriptInput {
  results: PieceResult[];
  /** the recording as given (a file's path, a recording's WAV) */
  audioPath: string;
  /** decoded samples at 16 kHz */
  samples: number;
  truncated: TruncationInfo | null;
  model: string;
  language: string;
  timing: TranscriptTiming;
}

/** ggml-base-q8_0.bin → base-q8_0 */
function modelName(model: string): string {
  return basename(model)
    .replace(/^ggml-/, '')
    .replace(/\.bin$/, '');
}

/** Pure: pieces assembled into segments, with a notice when the file ended early. */
export function engineTranscript(input: EngineTranscriptInput): Transcript {
  const { segments, notices } = assembleTranscript(input.results);
  const t = input.truncated;
  if (t) {
    notices.unshift({
      kind: 'truncated',
      start: t.decoded_duration,
      end: t.expected_duration,
      detail: `file ends early at ${t.decoded_duration.toFixed(1)} s of ${t.expected_duration.toFixed(1)} s`,
    });
  }
  return {
    version: TRANSCRIPT_VERSION,
    audio: { path: input.audioPath, duration: roundToMs(input.samples / SAMPLE_RATE), truncated: t },
    model: { path: input.model, name: modelName(input.model) },
    language: input.language,
    segments,
    timing: input.timing,
    notices,
  };
}
