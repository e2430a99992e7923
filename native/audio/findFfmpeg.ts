import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { GijirokuError } from '../common/errors';

/**
 * The ffmpeg our users get ships inside the npm package @ffmpeg-installer/ffmpeg;
 * GIJIROKU_FFMPEG overrides it, and the system ffmpeg is the fallback.
 */
export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['GIJIROKU_FFMPEG'];
  if (override) {
    if (existsSync(override)) return override;
    throw ffmpegMissing(`GIJIROKU_FFMPEG=${override}`);
  }
  const bundled = bundledFfmpeg();
  if (bundled) return bundled;
  const onPath = findOnPath(process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg', env);
  if (onPath) return onPath;
  throw ffmpegMissing('PATH');
}

function bundledFfmpeg(): string | null {
  try {
    const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
    // inside a packaged app the binary lives in app.asar.unpacked
    const path = installer.path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function ffmpegMissing(where: string): GijirokuError {
  return new GijirokuError('FFMPEG_MISSING', {
    ja: `音声の変換に使う ffmpeg が見つかりません（${where}）。インストールをやり直してください。`,
    en: `ffmpeg, used to decode audio, was not found (${where}). Please reinstall Gijiroku.`,
  });
}
