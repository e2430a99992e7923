import { GijirokuError } from '../common/errors';
import { playlistRefused } from './ffmpegInput';

/** What ffmpeg said about the input, read from its stderr. Pure: tested without ffmpeg. */
export interface FfmpegReport {
  /** seconds the container declares, null when ffmpeg printed N/A */
  declaredDuration: number | null;
  hasAudioStream: boolean;
  decodeErrors: number;
}

export function parseFfmpegStderr(stderr: string): FfmpegReport {
  const d = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  const declaredDuration = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : null;
  const hasAudioStream = /Stream #\d+:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: Audio:/.test(stderr);
  const decodeErrors = (stderr.match(/Error while decoding|corrupt input packet|decode_frame\(\) failed/g) ?? []).length;
  return { declaredDuration, hasAudioStream, decodeErrors };
}

/** Turns a failed ffmpeg run into the message the user should see. */
export function ffmpegFailure(path: string, stderr: string): GijirokuError {
  const name = `「${path}」`;
  // a container outside the whitelist (ffmpegInput.ts): a playlist gets its own message
  const refusedFormat = /\[([\w,]+) @ [^\]]*\] Format not on whitelist/.exec(stderr)?.[1];
  if (refusedFormat && /hls|concat|m3u|playlist|dash|smil|asx/i.test(refusedFormat)) return playlistRefused(path);
  // a picture (png_pipe, jpeg_pipe, image2 …) holds no audio
  if (refusedFormat && /_pipe$|^image2|^gif|^apng/.test(refusedFormat)) return noAudio(path);
  if (refusedFormat) {
    return new GijirokuError('CODEC_UNSUPPORTED', {
      ja: `${name}のファイル形式（${refusedFormat}）には対応していません。WAV・MP3・M4A などに変換してから読み込んでください。`,
      en: `The file format of "${path}" (${refusedFormat}) is not supported. Convert it to WAV, MP3 or M4A first.`,
    });
  }
  if (/Decoder \(codec [^)]*\) not found|unknown codec|no decoder found|Unsupported codec/i.test(stderr)) {
    return new GijirokuError('CODEC_UNSUPPORTED', {
      ja: `${name}の音声形式（コーデック）には対応していません。WAV・MP3・M4A などに変換してから読み込んでください。`,
      en: `The audio codec of "${path}" is not supported. Convert it to WAV, MP3 or M4A first.`,
    });
  }
  if (/matches no streams|does not contain any stream/.test(stderr)) return noAudio(path);
  if (/Permission denied/.test(stderr)) {
    return new GijirokuError('INPUT_UNREADABLE', {
      ja: `ファイル${name}を読み込む権限がありません。`,
      en: `You do not have permission to read "${path}".`,
    });
  }
  return new GijirokuError('INPUT_CORRUPT', {
    ja: `${name}を音声として読み取れません。ファイルが壊れているか、音声・動画のファイルではありません。`,
    en: `"${path}" cannot be read as audio: the file is damaged or is not an audio or video file.`,
  });
}

function noAudio(path: string): GijirokuError {
  return new GijirokuError('INPUT_NOT_AUDIO', {
    ja: `「${path}」には音声が含まれていません。会議の録音（音声または動画のファイル）を指定してください。`,
    en: `"${path}" contains no audio. Please choose the meeting recording (an audio or video file).`,
  });
}
