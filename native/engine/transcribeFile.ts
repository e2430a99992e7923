import { existsSync, rmSync, statSync } from 'node:fs';
import { roundToMs } from '../common/roundToMs';
import { join, resolve } from 'node:path';
import { inspectInput } from '../audio/inspectInput';
import { SAMPLE_RATE } from '../audio/wavHeader';
import { GijirokuError } from '../common/errors';
import type { EngineProgress, Transcript } from '../common/transcript';
import { findVadModels } from '../models/findModels';
import { readModelHeader } from '../models/readModelHeader';
import type { DecodeOptions } from '../whisper/decodeOptions';
import { decodeFor } from './decodeFor';
import { findWhisperCli } from '../whisper/findWhisperCli';
import { engineTranscript } from './engineTranscript';
import { pieceLevelDb } from './pieceAudio';
import { decodeAndDetect, type DecodedAudio } from './decodeAndDetect';
import { decodeStage } from './decodeStage';
import { jobKey, jobsRoot, prepareJobDir, readJsonIfValid } from './jobFolder';
import { writeFileAtomic } from '../files/writeFileAtomic';
import { planPieces, planWithoutVad, type Piece } from './planPieces';
import type { SpeechRegion } from '../vad/detectSpeech';
import { ProgressClock } from './progressClock';
import { speakersForTranscript, type SpeakerOptions } from '../diarize/speakersForTranscript';

export interface TranscribeRequest {
  input: string;
  model: string;
  decode?: Partial<DecodeOptions>;
  /** skip silence with Silero VAD (default on) */
  vad?: boolean;
  /** continue an interrupted job instead of starting over */
  resume?: boolean;
  /** keep the job folder after success (tests, debugging) */
  keepJob?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: EngineProgress) => void;
  env?: NodeJS.ProcessEnv;
  /** speaker segmentation from the job's PCM before the job folder goes; absent = none */
  speakers?: Omit<SpeakerOptions, 'env' | 'signal'>;
}

/** Settings that shape the plan; part of the job key. */
const PLAN = { padS: 0.3, maxPieceS: 29.5, lookbackS: 10, piecesPerChunk: 40 };
/** Quieter than this (RMS) is silence or faint hum, even for a far microphone. */
const SILENT_DB = -50;

interface JobPlan {
  samples: number;
  truncated: DecodedAudio['truncated'];
  pieces: Piece[];
  /** the speech regions the pieces were cut from (samples), and what any VAD heard: all of it must end with text or as unheard */
  regions: SpeechRegion[];
  heard: SpeechRegion[];
  decodeS: number;
  vadS: number;
}

/** The app's main job: any recording → timed Japanese transcript. */
export async function transcribeFile(req: TranscribeRequest): Promise<Transcript> {
  const t0 = performance.now();
  const env = req.env ?? process.env;
  const input = resolve(req.input);
  inspectInput(input);
  const model = resolve(req.model);
  readModelHeader(model);
  const whisper = findWhisperCli();
  const vad = req.vad ?? true;
  const vadModels = vad ? findVadModels(env) : [];
  if (vad && vadModels.length === 0) {
    throw new GijirokuError('VAD_MODEL_MISSING', {
      ja: '無音を判定するモデル（silero-vad-v6.onnx）が見つかりません。models フォルダに置くか、--no-vad を指定してください。',
      en: 'The voice-activity model (silero-vad-v6.onnx) was not found. Put it in the models folder or pass --no-vad.',
    });
  }
  const decode = decodeFor(model, req.decode);

  const jobDir = join(jobsRoot(env), jobKey(input, { model, decode, vad, PLAN }));
  prepareJobDir(jobDir, req.resume ?? false);
  const pcmPath = join(jobDir, 'audio.s16le');
  const planPath = join(jobDir, 'plan.json');
  const clock = new ProgressClock(req.onProgress, Boolean(req.speakers));

  let plan = readJsonIfValid<JobPlan>(planPath);
  if (!plan || !existsSync(pcmPath) || statSync(pcmPath).size !== plan.samples * 2) {
    const audio = await decodeAndDetect(input, pcmPath, { vadModels, signal: req.signal, onFraction: (f) => clock.decoding(f) });
    const pieces = audio.regions
      ? planPieces(audio.regions, audio.samples, {
          pad: Math.round(PLAN.padS * SAMPLE_RATE),
          maxPiece: Math.round(PLAN.maxPieceS * SAMPLE_RATE),
          lookback: Math.round(PLAN.lookbackS * SAMPLE_RATE),
        })
      : planWithoutVad(audio.samples, Math.round(PLAN.maxPieceS * SAMPLE_RATE))
          // without VAD, whisper invents text in silence: skip windows nobody could hear
          .filter((p) => pieceLevelDb(pcmPath, p) > SILENT_DB)
          .map((p, index) => ({ ...p, index }));
    plan = {
      samples: audio.samples,
      truncated: audio.truncated,
      pieces,
      regions: audio.regions ?? [],
      heard: audio.speech ?? [],
      decodeS: audio.decodeS,
      vadS: audio.vadS,
    };
    writeFileAtomic(planPath, JSON.stringify(plan));
  }

  const tAsr = performance.now();
  const speechSamples = plan.pieces.reduce((n, p) => n + p.length, 0);
  clock.startAsr(speechSamples / SAMPLE_RATE);
  const ctx = {
    jobDir,
    pcmPath,
    binary: whisper.path,
    model,
    signal: req.signal,
    onAdvance: (done: number) => clock.asr(done / SAMPLE_RATE),
  };
  // a plan written before both VADs were kept has no `heard`: its regions are all it knows
  const results = await decodeStage(
    ctx,
    plan.pieces,
    { regions: plan.regions, heard: plan.heard ?? plan.regions },
    { decode, perChunk: PLAN.piecesPerChunk },
  );
  const asrS = (performance.now() - tAsr) / 1000;

  let transcript = engineTranscript({
    results,
    audioPath: input,
    samples: plan.samples,
    truncated: plan.truncated,
    model,
    language: decode.language,
    timing: {
      decode_s: roundToMs(plan.decodeS),
      vad_s: roundToMs(plan.vadS),
      asr_s: roundToMs(asrS),
      total_s: roundToMs((performance.now() - t0) / 1000),
    },
  });
  if (req.speakers) {
    const tSpk = performance.now();
    clock.speakers(0);
    transcript = await speakersForTranscript(transcript, pcmPath, {
      ...req.speakers,
      env,
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
  if (!req.keepJob) rmSync(jobDir, { recursive: true, force: true });
  return transcript;
}
