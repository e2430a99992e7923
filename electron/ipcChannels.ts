// IPC channel names, derived from the method names: `gijiroku:<method>`.
// The preload cannot import this (a sandboxed preload has no require for our
// modules), so it repeats the prefix and the list, and a type check keeps them equal.
import type { ApiMethod } from '../native/common/api';

export const CHANNEL_PREFIX = 'gijiroku:';

export function apiChannel(method: ApiMethod): `gijiroku:${ApiMethod}` {
  return `${CHANNEL_PREFIX}${method}`;
}
