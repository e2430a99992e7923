import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ffmpegFailure, parseFfmpegStderr } from '../../native/audio/ffmpegDiagnostics';
import { toSrt, toVtt, type SubtitleLine } from '../../native/export/subtitleFormats';

test('ffmpeg stderr: duration, audio stream, decode errors', () => {
  const r = parseFfmpegStderr(
    `Input #0, flac, from 'a.flac':\n  Duration: 00:01:56.10, start: 0.000000, bitrate: 13 kb/s\n` +
      `    Stream #0:0: Audio: flac, 16000 Hz, mono, s16\n[flac @ 0x1] invalid residual\nError while decoding stream #0:0: Invalid data found\n`,
  );
  assert.equal(r.declaredDuration, 116.1);
  assert.equal(r.hasAudioStream, true);
  assert.equal(r.decodeErrors, 1);
  assert.equal(parseFfmpegStderr('  Duration: N/A, bitrate: N/A').declaredDuration, null);
});

test('ffmpeg failures become messages a clerk can act on', () => {
  assert.equal(ffmpegFailure('x.wav', 'Decoder (codec none) not found for input stream #0:0').code, 'CODEC_UNSUPPORTED');
  assert.equal(ffmpegFailure('x.png', "Stream map '0:a:0' matches no streams.").code, 'INPUT_NOT_AUDIO');
  assert.equal(ffmpegFailure('x.m4a', 'moov atom not found\nx.m4a: Invalid data found when processing input').code, 'INPUT_CORRUPT');
});

const segments: SubtitleLine[] = [
  { start: 0.5, end: 3.25, speaker: null, text: 'ただいまから会議を開きます。' },
  { start: 3661.2, end: 3662, speaker: '議長', text: '異議なし。' },
];

test('srt and vtt', () => {
  assert.equal(
    toSrt(segments),
    '1\n00:00:00,500 --> 00:00:03,250\nただいまから会議を開きます。\n\n2\n01:01:01,200 --> 01:01:02,000\n議長：異議なし。\n',
  );
  assert.ok(toVtt(segments).startsWith('WEBVTT\n\n00:00:00.500 --> 00:00:03.250\n'));
  assert.ok(toVtt(segments).includes('<v 議長>異議なし。'));
});
