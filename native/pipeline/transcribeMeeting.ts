// The transcription pipeline: every way audio comes in (a file in the CLI, the app's import job that
// runs the CLI, a recording's live draft at stop, a recording recovered after a crash) goes through
// here, so a meeting gets the same prompt, corrections, speakers and doubt marks however it came.
//   audio → decoding (engine: transcribeFile, or the live draft's pieces)
//   → Transcript → speakers (diarization) → term corrections → roster labels → doubt scores → clean layer
import { SAMPLE_RATE } from '../audio/wavHeader';
import { roundToMs } from '../common/roundToMs';
import type { EngineProgress, Transcript } from '../common/transcript';
import { loadTokenizer } from '../dictionary/loadTokenizer';
import { speakersForTranscript, type SpeakerOptions } from '../diarize/speakersForTranscript';
import type { PieceResult } from '../engine/assembleTranscript';
import { engineTranscript } from '../engine/engineTranscript';
import { ProgressClock } from '../engine/progressClock';
import { transcribeFile } from '../engine/transcribeFile';
import type { DecodeOptions } from '../whisper/decodeOptions';
import { transcriptLayers, type MeetingTranscript, type TranscriptLayers } from './transcriptLayers';
import { transcriptLayersInChild } from './transcriptLayersChild';

export type { MeetingTranscript } from './transcriptLayers';

export type SpeakerRequest = Omit<SpeakerOptions, 'env' | 'signal' | 'onProgress'>;

/** A recording file (or video) decoded from scratch, with checkpoints in a job folder. */
export interface FileAudio {
  kind: 'file';
  input: string;
  model: string;
  /** skip silence with Silero VAD (default on) */
  vad?: boolean;
  resume?: boolean;
  keepJob?: boolean;
  /** language, threads, a prompt the user gave (none by default) */
  decode?: Partial<DecodeOptions>;
}

/** A recording made in the app: its live draft decoded most of it already, with decodeFor's options. */
export interface RecordedAudio {
  kind: 'recording';
  /** the recording's WAV (16 kHz mono s16, 44-byte header), the diarization's input */
  wavPath: string;
  samples: number;
  model: string;
  language: string;
  /** decodes what is left and returns every piece (LiveDraft.finish) */
  finish(onAdvance: (fraction: number) => void): Promise<PieceResult[]>;
}

export interface TranscribeMeetingRequest extends TranscriptLayers {
  audio: FileAudio | RecordedAudio;
  /** speaker segmentation; absent: none */
  speakers?: SpeakerRequest;
  /**
   * corrections, labels, doubt marks and ケバ取り in a child process (transcriptLayersChild.ts): for the
   * app's own process, which would otherwise keep kuromoji (~300 MB) for the rest of the day
   */
  layersInChild?: boolean;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onProgress?: (p: EngineProgress) => void;
}

export async function transcribeMeeting(req: TranscribeMeetingRequest): Promise<MeetingTranscript> {
  const decoded = req.audio.kind === 'file' ? await decodeFile(req, req.audio) : await decodeRecording(req, req.audio);
  const layers: TranscriptLayers = { steer: req.steer, roster: req.roster, cleanRules: req.cleanRules };
  if (req.layersInChild) return transcriptLayersInChild(decoded, layers, req.signal);
  return transcriptLayers(decoded, layers, await loadTokenizer());
}

function decodeFile(req: TranscribeMeetingRequest, audio: FileAudio): Promise<Transcript> {
  return transcribeFile({
    input: audio.input,
    model: audio.model,
    vad: audio.vad,
    resume: audio.resume,
    keepJob: audio.keepJob,
    decode: audio.decode,
    signal: req.signal,
    onProgress: req.onProgress,
    env: req.env,
    // the job's PCM is read before its folder goes, inside transcribeFile
    speakers: req.speakers,
  });
}

async function decodeRecording(req: TranscribeMeetingRequest, audio: RecordedAudio): Promise<Transcript> {
  const t0 = performance.now();
  const clock = new ProgressClock(req.onProgress, Boolean(req.speakers));
  const durationS = audio.samples / SAMPLE_RATE;
  clock.startAsr(durationS);
  const results = await audio.finish((fraction) => clock.asr(fraction * durationS));
  const asrS = roundToMs((performance.now() - t0) / 1000);
  let transcript = engineTranscript({
    results,
    audioPath: audio.wavPath,
    samples: audio.samples,
    truncated: null,
    model: audio.model,
    language: audio.language,
    timing: { decode_s: 0, vad_s: 0, asr_s: asrS, total_s: asrS },
  });
  if (req.speakers) {
    const tSpk = performance.now();
    clock.speakers(0);
    transcript = await speakersForTranscript(transcript, audio.wavPath, {
      ...req.speakers,
      env: req.env,
      signal: req.signal,
      onProgress: (f) => clock.speakers(f),
    });
    transcript.timing = {
      ...transcript.timing,
      speakers_s: roundToMs((performance.now() - tSpk) / 1000),
      total_s: roundToMs((performance.now() - t0) / 1000),
    };
  }
  clock.done();
  return transcript;
}
