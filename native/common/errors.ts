// Errors a user can act on. Every one carries its message in Japanese and English;
// the CLI and the UI print the user's language and never a stack trace.

export type ErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_IS_DIRECTORY'
  | 'INPUT_EMPTY'
  | 'INPUT_UNREADABLE'
  | 'INPUT_NOT_ALLOWED'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_NOT_AUDIO'
  | 'INPUT_CORRUPT'
  | 'CODEC_UNSUPPORTED'
  | 'MODEL_NOT_FOUND'
  | 'MODEL_INVALID'
  | 'OUTPUT_NOT_WRITABLE'
  | 'DISK_FULL'
  | 'FFMPEG_MISSING'
  | 'WHISPER_MISSING'
  | 'WHISPER_FAILED'
  | 'VAD_MODEL_MISSING'
  | 'SPEAKER_MODEL_INVALID'
  | 'CANCELLED'
  | 'BAD_ARGUMENTS'
  | 'RECORDING_NOT_FOUND';

export interface LocalizedText {
  ja: string;
  en: string;
}

export class GijirokuError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;

  constructor(code: ErrorCode, text: LocalizedText, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = 'GijirokuError';
    this.code = code;
    this.text = text;
  }
}

export function isGijirokuError(e: unknown): e is GijirokuError {
  return e instanceof GijirokuError;
}

/** Disk-full errors from Node look alike everywhere; turn them into one message. */
export function diskFullError(path: string, cause: unknown): GijirokuError {
  return new GijirokuError(
    'DISK_FULL',
    {
      ja: `ディスクの空き容量が足りません（${path}）。空き容量を確保してから、もう一度実行してください。途中までの結果は保存されています。`,
      en: `The disk is full (${path}). Free some space and run again; the work done so far is kept.`,
    },
    { cause },
  );
}

export function isDiskFull(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ENOSPC';
}
