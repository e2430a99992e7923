import { API_METHODS, type ApiReply, type GijirokuApi } from '../../../native/common/api';
import { ApiError } from './apiError';

const BRIDGE_DOWN = {
  ja: 'アプリのサービスに接続できません。アプリを起動し直してください。',
  en: 'Cannot reach the app service. Please restart the app.',
};

const SURVIVES_UNLOAD = new Set(['applyEdit', 'recordListened', 'savePlaybackPosition']);

async function callBridge(method: string, args: unknown[]): Promise<unknown> {
  let response: Response;
  try {
    const body = JSON.stringify(args);
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      // the session cookie (HttpOnly: this script never sees the token) goes with every same-origin request
      headers: { 'Content-Type': 'application/json' },
      body,
      // a save sent while the page closes still arrives (keepalive bodies are limited to 64 KB)
      keepalive: SURVIVES_UNLOAD.has(method) && body.length < 60_000,
    });
  } catch {
    throw new ApiError('BRIDGE_UNREACHABLE', BRIDGE_DOWN);
  }
  let reply: ApiReply<unknown>;
  try {
    reply = (await response.json()) as ApiReply<unknown>;
  } catch {
    throw new ApiError(`HTTP_${response.status}`, {
      ja: `${BRIDGE_DOWN.ja}（HTTP ${response.status}）`,
      en: `${BRIDGE_DOWN.en} (HTTP ${response.status})`,
    });
  }
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error.code, reply.error.text);
}

/** The API over the local HTTP bridge, one method per name in API_METHODS. */
export function createBridgeClient(): GijirokuApi {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) client[method] = (...args) => callBridge(method, args);
  return client as unknown as GijirokuApi;
}
