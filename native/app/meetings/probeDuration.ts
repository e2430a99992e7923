import { spawn } from 'node:child_process';
import { GijirokuError } from '../../common/errors';
import { ffmpegFailure, parseFfmpegStderr } from '../../audio/ffmpegDiagnostics';
import { decoderCommand, findDecoder } from '../../audio/findDecoder';
import { refuseIndirection } from '../../audio/ffmpegInput';

const PROBE_TIMEOUT_MS = 20_000;

/**
 * Reads a recording's duration from its header (no decoding:
 * milliseconds even for a four-hour file). Fails when the file holds no audio.
 * Null when the container does not declare a duration.
 */
export async function probeDuration(path: string): Promise<number | null> {
  refuseIndirection(path);
  const stderr = await ffmpegInfo(path);
  const report = parseFfmpegStderr(stderr);
  if (report.hasAudioStream) return report.declaredDuration;
  if (/Stream #\d+:\d+/.test(stderr)) {
    throw new GijirokuError('INPUT_NOT_AUDIO', {
      ja: `「${path}」には音声が含まれていません。会議の録音（音声または動画のファイル）を指定してください。`,
      en: `"${path}" contains no audio. Please choose the meeting recording (an audio or video file).`,
    });
  }
  throw ffmpegFailure(path, stderr);
}

/** the decoder's probe prints the input's description (ffmpeg with an input and no output does too, exiting 1); that is all we need */
function ffmpegInfo(path: string): Promise<string> {
  const run = decoderCommand(findDecoder(), 'probe', path);
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, { env: run.env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 1_000_000) stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(stderr);
    });
  });
}
