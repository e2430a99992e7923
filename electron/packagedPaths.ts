// Inside an installed app the engine's tools sit in resources/ (electron-builder.yml extraResources),
// not where a source checkout keeps them: point the engine at them through its usual variables.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function packagedToolEnv(resourcesPath: string, platform: NodeJS.Platform = process.platform): Record<string, string> {
  const env: Record<string, string> = {};
  const whisper = join(resourcesPath, 'whisper');
  if (existsSync(whisper)) env['GIJIROKU_WHISPER_BIN_DIR'] = whisper;
  // the decoder (node-av) sits in app.asar.unpacked and is found like any module; an ffmpeg IT puts here overrides it
  const ffmpeg = join(resourcesPath, 'ffmpeg', platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
  if (existsSync(ffmpeg)) env['GIJIROKU_FFMPEG'] = ffmpeg;
  const models = join(resourcesPath, 'models');
  if (existsSync(models)) env['GIJIROKU_MODELS_DIR'] = models;
  return env;
}
