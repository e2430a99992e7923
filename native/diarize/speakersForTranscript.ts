import { isGijirokuError } from '../common/errors';
import type { Transcript } from '../common/transcript';
import { findSpeakerModels, findVadModel } from '../models/findModels';
import type { SpeechRegion } from '../vad/detectSpeech';
import { SAMPLE_RATE } from '../audio/wavHeader';
import { assignSpeakers } from './assignSpeakers';
import { diarizeInChild } from './diarizeInChild';
import { GijirokuError } from '../common/errors';

export interface SpeakerOptions {
  /** the number of voices when known; null = automatic */
  count: number | null;
  /** about this many may speak (the roster's size): automatic, but more voices than this are merged within bounds */
  hint?: number | null;
  /** folder with speaker-embedding-*.onnx; default: where the models are found */
  modelsDir?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  threads?: number;
  /** 0..1 as embeddings are computed */
  onProgress?: (fraction: number) => void;
}

/**
 * Speaker segmentation as a layer on a finished transcript, from the job's PCM.
 * A missing or broken speaker model is not fatal: the transcript comes back
 * without speakers and with a notice (ja/en) that says why.
 */
export async function speakersForTranscript(transcript: Transcript, pcmPath: string, opts: SpeakerOptions): Promise<Transcript> {
  const env = opts.env ?? process.env;
  const models = findSpeakerModels(env, opts.modelsDir);
  const vadModel = findVadModel(env);
  // without a VAD model, the transcript's own segments are the speech regions
  const regions: SpeechRegion[] | undefined = vadModel
    ? undefined
    : transcript.segments.map((s) => ({
        start: Math.round(s.start * SAMPLE_RATE),
        end: Math.round(s.end * SAMPLE_RATE),
      }));
  try {
    if (!models.embedding) throw speakerModelMissing(opts.modelsDir);
    const diarization = await diarizeInChild({
      pcmPath,
      embeddingModel: models.embedding,
      segmentationModel: models.segmentation ?? undefined,
      vadModel: vadModel ?? undefined,
      regions,
      speakers: opts.count,
      speakerHint: opts.hint ?? null,
      threads: opts.threads,
      signal: opts.signal,
      onProgress: opts.onProgress,
    });
    return assignSpeakers(transcript, diarization);
  } catch (e) {
    if (isGijirokuError(e) && e.code === 'CANCELLED') throw e;
    const text = isGijirokuError(e)
      ? e.text
      : {
          ja: `話者の区別に失敗しました（${e instanceof Error ? e.message : String(e)}）。話者なしで文字起こしを出力します。`,
          en: `Speaker segmentation failed (${e instanceof Error ? e.message : String(e)}). The transcript is produced without speakers.`,
        };
    return {
      ...transcript,
      notices: [
        ...transcript.notices,
        { kind: 'speakers-unavailable', start: 0, end: transcript.audio.duration, detail: `${text.ja} / ${text.en}` },
      ],
    };
  }
}

function speakerModelMissing(dir: string | undefined): GijirokuError {
  const where = dir ? `「${dir}」` : 'models フォルダ';
  return new GijirokuError('SPEAKER_MODEL_INVALID', {
    ja: `話者を区別するモデル（speaker-embedding-*.onnx）が${where}に見つかりません。話者なしで文字起こしを出力します。`,
    en: `The speaker model (speaker-embedding-*.onnx) was not found in ${dir ?? 'the models folder'}. The transcript is produced without speakers.`,
  });
}
