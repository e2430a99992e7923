// One entry point for every API call that crosses a process boundary (the
// bridge's POST /api/<method>, Electron's ipcMain handlers): validate, call the
// service, turn any failure into an ApiReply the page can show.
import { API_METHODS, type ApiMethod, type ApiReply, type GijirokuApi } from '../common/api';
import type { LocalizedText } from '../common/errors';
import { parseApiArgs, type ParsedArgs } from './apiSchemas';

const METHOD_SET: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(name: string): name is ApiMethod {
  return METHOD_SET.has(name);
}

export type ApiFailure = { ok: false; error: { code: string; text: LocalizedText } };

export async function dispatchApiCall(service: GijirokuApi, method: string, rawArgs: unknown): Promise<ApiReply<unknown>> {
  if (!isApiMethod(method)) return unknownMethod(method);
  return callChecked(service, method, rawArgs);
}

async function callChecked<M extends ApiMethod>(service: GijirokuApi, method: M, rawArgs: unknown): Promise<ApiReply<unknown>> {
  const parsed = parseApiArgs(method, rawArgs);
  if (!parsed.ok) return { ok: false, error: { code: 'BAD_ARGUMENTS', text: parsed.text } };
  try {
    const fn = service[method] as (...args: ParsedArgs<M>) => Promise<unknown>;
    const value = await fn.apply(service, parsed.args);
    return { ok: true, value };
  } catch (e) {
    return failureReply(e, method);
  }
}

/** A GijirokuError (or any error carrying a code and ja/en text) goes to the page as is; anything else is logged here and shown generically. */
export function failureReply(e: unknown, context: string): ApiFailure {
  if (hasLocalizedText(e)) return { ok: false, error: { code: e.code, text: { ja: e.text.ja, en: e.text.en } } };
  process.stderr.write(`gijiroku: ${context} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      text: {
        ja: '予期しない問題が起きました。もう一度お試しください。続く場合は、システム管理者に連絡してください。',
        en: 'An unexpected problem occurred. Please try again; if it persists, contact your system administrator.',
      },
    },
  };
}

export function unknownMethod(method: string): ApiFailure {
  return {
    ok: false,
    error: {
      code: 'UNKNOWN_METHOD',
      text: { ja: `不明な操作です（${method.slice(0, 60)}）。`, en: `Unknown operation (${method.slice(0, 60)}).` },
    },
  };
}

function hasLocalizedText(e: unknown): e is { code: string; text: LocalizedText } {
  if (typeof e !== 'object' || e === null) return false;
  const { code, text } = e as { code?: unknown; text?: unknown };
  if (typeof code !== 'string' || typeof text !== 'object' || text === null) return false;
  const t = text as { ja?: unknown; en?: unknown };
  return typeof t.ja === 'string' && typeof t.en === 'string';
}
