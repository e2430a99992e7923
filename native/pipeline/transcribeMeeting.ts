// The transcription pipeline: every way audio comes in (a file in the CLI, the app's import job that
// runs the CLI, a recording's live draft at stop, a recording recovered after a crash) goes through
// here, so a meeting gets the same prompt, corrections, speakers and doubt marks however it came.
//   audio → prompt (meetingPrompt) → decoding (engine: transcribeFile, or the live draft's pieces)
//   → Transcript → speakers (diarization) → term corrections → roster labels → doubt scores → clean layer
import { SAMPLE_RATE } from '../audio/wavHeader';
import type { CleanupRule } from '../cleanup/cleanupRules';
import { cleanText } from '../cleanup/cleanText';
import type { RosterMember } from '../common/speakers';
import { roundToMs } from '../common/roundToMs';
import type { EngineProgress, Transcript } from '../common/transcript';
import { loadTokenizer, type JaTokenizer } from '../dictionary/loadTokenizer';
import { speakersForTranscript, type SpeakerOptions } from '../diarize/speakersForTranscript';
import { scoreDoubt } from '../doubt/scoreDoubt';
import type { PieceResult } from '../engine/assembleTranscript';
import { engineTranscript } from '../engine/engineTranscript';
import { ProgressClock } from '../engine/progressClock';
import { transcribeFile } from '../engine/transcribeFile';
import type { DecodeOptions } from '../whisper/decodeOptions';
import { meetingDecode, type MeetingSteer } from './meetingPrompt';
import { labelSpeakers, type RosterLabelling } from './rosterLabels';
import { applyTermCorrections } from './termCorrections';

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
  /** language, threads; a prompt given here replaces meetingPrompt's */
  decode?: Partial<DecodeOptions>;
}

/** A recording made in the app: its live draft decoded most of it already, with meetingDecode's options. */
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

export interface TranscribeMeetingRequest {
  audio: FileAudio | RecordedAudio;
  steer: MeetingSteer;
  /** speaker segmentation; absent: none */
  speakers?: SpeakerRequest;
  /** the meeting's attendees: speakers are named from the chair's calls (the app names them after import instead, with known voices) */
  roster?: RosterMember[] | null;
  /** ケバ取り rules: every segment gets `clean`; absent: verbatim only (the app derives clean text on request) */
  cleanRules?: CleanupRule[] | null;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onProgress?: (p: EngineProgress) => void;
}

export interface MeetingTranscript {
  transcript: Transcript;
  /** names found for the speakers from the roster; null without a roster */
  labelling: RosterLabelling | null;
}

export async function transcribeMeeting(req: TranscribeMeetingRequest): Promise<MeetingTranscript> {
  const decoded = req.audio.kind === 'file' ? await decodeFile(req, req.audio) : await decodeRecording(req, req.audio);
  return layersAfterDecoding(decoded, req, await loadTokenizer());
}

/** Everything after the words: pure given the tokenizer (kuromoji; the corrections, the labels and the doubt model read it). */
export function layersAfterDecoding(
  decoded: Transcript,
  layers: Pick<TranscribeMeetingRequest, 'steer' | 'roster' | 'cleanRules'>,
  tokenizer: JaTokenizer,
): MeetingTranscript {
  let transcript = layers.steer.terms.length > 0 ? applyTermCorrections(decoded, layers.steer.terms, tokenizer) : decoded;
  const labelling = layers.roster ? labelSpeakers(transcript, layers.roster, tokenizer) : null;
  // after corrections: a replaced word is marked from the text the clerk will read
  transcript = scoreDoubt(transcript, { tokenizer });
  if (layers.cleanRules) transcript = withCleanText(transcript, layers.cleanRules, tokenizer);
  return { transcript, labelling };
}

/** ケバ取り as a layer: `text` stays verbatim, `clean` is added beside it. */
function withCleanText(t: Transcript, rules: CleanupRule[], tokenizer: JaTokenizer): Transcript {
  return { ...t, segments: t.segments.map((s) => ({ ...s, clean: cleanText(s.text, rules, { tokenizer }).clean })) };
}

function decodeFile(req: TranscribeMeetingRequest, audio: FileAudio): Promise<Transcript> {
  return transcribeFile({
    input: audio.input,
    model: audio.model,
    vad: audio.vad,
    resume: audio.resume,
    keepJob: audio.keepJob,
    decode: meetingDecode(req.steer, audio.decode),
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
