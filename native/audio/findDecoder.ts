// Which program decodes recordings. Measured and chosen in issue 13 (ARCHITECTURE.md "Faults and
// isolation"): FFmpeg 8 through npm node-av's prebuilt libraries, in a child process (avDecodeChild.ts),
// on every platform we ship. GIJIROKU_FFMPEG names an ffmpeg program instead (IT's own build, tests);
// without node-av's binary for this platform, the system's ffmpeg (Debian's 5.1 on a Linux dev machine).
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { GijirokuError } from '../common/errors';
import { inputArgs } from './ffmpegInput';
import { SAMPLE_RATE } from './wavHeader';

export type Decoder = { kind: 'node-av'; script: string } | { kind: 'ffmpeg'; path: string };

export function findDecoder(env: NodeJS.ProcessEnv = process.env): Decoder {
  const override = env['GIJIROKU_FFMPEG'];
  if (override) {
    if (existsSync(override)) return { kind: 'ffmpeg', path: override };
    throw decoderMissing(`GIJIROKU_FFMPEG=${override}`);
  }
  if (nodeAvInstalled()) return { kind: 'node-av', script: join(__dirname, 'avDecodeChild.js') };
  const onPath = findOnPath(process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg', env);
  if (onPath) return { kind: 'ffmpeg', path: onPath };
  throw decoderMissing('node-av, PATH');
}

/** node-av and its prebuilt libraries for this platform, without loading them into this process */
function nodeAvInstalled(): boolean {
  const binaries =
    process.platform === 'win32'
      ? [`@seydx/node-av-win32-${process.arch}-msvc`, `@seydx/node-av-win32-${process.arch}-mingw`]
      : [`@seydx/node-av-${process.platform}-${process.arch}`];
  try {
    require.resolve('node-av/lib');
  } catch {
    return false;
  }
  return binaries.some((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return true;
    } catch {
      return false;
    }
  });
}

/** The command that reads a recording's header (probe) or decodes it to 16 kHz mono s16le on stdout. Pure. */
export function decoderCommand(
  decoder: Decoder,
  mode: 'probe' | 'decode',
  path: string,
): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  if (decoder.kind === 'node-av') {
    // ELECTRON_RUN_AS_NODE: inside the packaged app process.execPath is Electron; under Node it is ignored
    return { command: process.execPath, args: [decoder.script, mode, '--', path], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } };
  }
  const args =
    mode === 'probe'
      ? ['-hide_banner', '-nostdin', ...inputArgs(path)]
      : [
          '-hide_banner',
          '-nostdin',
          '-nostats',
          ...inputArgs(path),
          '-vn',
          '-map',
          '0:a:0',
          '-ac',
          '1',
          '-ar',
          String(SAMPLE_RATE),
          '-acodec',
          'pcm_s16le',
          '-f',
          's16le',
          'pipe:1',
        ];
  return { command: decoder.path, args, env: process.env };
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function decoderMissing(where: string): GijirokuError {
  return new GijirokuError('FFMPEG_MISSING', {
    ja: `音声の変換に使うデコーダー（FFmpeg）が見つかりません（${where}）。インストールをやり直してください。`,
    en: `The decoder (FFmpeg) used to read audio was not found (${where}). Please reinstall Gijiroku.`,
  });
}
