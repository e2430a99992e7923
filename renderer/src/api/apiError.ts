import type { LocalizedText } from '../../../native/common/errors';

/** An API failure carrying its message in both UI languages. */
export class ApiError extends Error {
  readonly code: string;
  readonly text: LocalizedText;

  constructor(code: string, text: LocalizedText) {
    super(text.en);
    this.name = 'ApiError';
    this.code = code;
    this.text = text;
  }
}

const UNEXPECTED: LocalizedText = {
  ja: '予期しないエラーが発生しました。',
  en: 'An unexpected error occurred.',
};

/** Whatever was thrown, as something the UI can show in the user's language. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  // The Electron preload rejects with plain objects / Errors that carry {code, text}.
  if (typeof e === 'object' && e !== null) {
    const o = e as { code?: unknown; text?: unknown; message?: unknown };
    const t = o.text as Partial<LocalizedText> | undefined;
    if (t && typeof t.ja === 'string' && typeof t.en === 'string') {
      return new ApiError(typeof o.code === 'string' ? o.code : 'UNKNOWN', { ja: t.ja, en: t.en });
    }
    if (typeof o.message === 'string') {
      return new ApiError('UNKNOWN', { ja: `${UNEXPECTED.ja}（${o.message}）`, en: `${UNEXPECTED.en} (${o.message})` });
    }
  }
  return new ApiError('UNKNOWN', UNEXPECTED);
}
