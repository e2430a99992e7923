// The decoder: FFmpeg 8 through node-av's prebuilt libraries (npm node-av + @seydx/node-av-<platform>),
// run as a child process like the ffmpeg program it replaces, so a crash or a hang in a demuxer or
// decoder never takes the app down and a cancel is a kill. Same input rules as every decoder run
// (ffmpegInput.ts): the container whitelist and the file protocol only.
//   node avDecodeChild.js probe|decode -- PATH
// decode: 16 kHz mono s16le on stdout. stderr: the few lines ffmpegDiagnostics reads from ffmpeg
// ("Duration: …", "Stream #0:0: Audio: …", "Error while decoding", "[name @ 0] Format not on
// whitelist", "Decoder (codec …) not found", "does not contain any stream"), so one parser serves both.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { SUPPORTED_CONTAINERS } from './ffmpegInput';

type AvLib = typeof import('node-av/lib', { with: { 'resolution-mode': 'import' } });
type AvConstants = typeof import('node-av/constants', { with: { 'resolution-mode': 'import' } });
// node-av is an ES module with a CommonJS entry; required here so this file stays CommonJS like the rest
// eslint-disable-next-line @typescript-eslint/no-require-imports
const av = require('node-av/lib') as AvLib;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const c = require('node-av/constants') as AvConstants;

const SAMPLE_RATE = 16000;
// the demuxers' and decoders' own chatter ("Could not update timestamps…") is not ours to show
av.Log.setLevel(c.AV_LOG_ERROR);
const MONO = c.AV_CHANNEL_LAYOUT_MONO;

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function clock(seconds: number): string {
  const cs = Math.round(seconds * 100);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(cs / 360000))}:${pad(Math.floor(cs / 6000) % 60)}:${pad(Math.floor(cs / 100) % 60)}.${pad(cs % 100)}`;
}

function writeAll(buf: Buffer): void {
  for (let at = 0; at < buf.length;) {
    try {
      at += writeSync(1, buf, at, buf.length - at);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
    }
  }
}

/** what the container looks like from its first bytes: refused before a demuxer opens it when it is not on the list */
function probedFormat(path: string): string | null {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(1 << 16);
    const n = readSync(fd, head, 0, head.length, 0);
    return av.InputFormat.probe(head.subarray(0, n), basename(path))?.name ?? null;
  } finally {
    closeSync(fd);
  }
}

function main(mode: string, path: string): number {
  const allowed = new Set<string>(SUPPORTED_CONTAINERS);
  const probed = probedFormat(path);
  if (probed && !probed.split(',').some((n) => allowed.has(n))) {
    say(`[${probed} @ 0] Format not on whitelist '${SUPPORTED_CONTAINERS.join(',')}'`);
    return 1;
  }
  const ctx = new av.FormatContext();
  const options = av.Dictionary.fromObject({ protocol_whitelist: 'file', format_whitelist: SUPPORTED_CONTAINERS.join(',') });
  const opened = ctx.openInputSync(path, null, options);
  if (opened < 0) {
    say(`${path}: ${opened === c.AVERROR_INVALIDDATA ? 'Invalid data found when processing input' : `error ${opened}`}`);
    return 1;
  }
  if (ctx.findStreamInfoSync(null) < 0 || ctx.nbStreams === 0) {
    say('Output file does not contain any stream');
    return 1;
  }
  const duration = Number(ctx.duration);
  if (Number.isFinite(duration) && duration > 0) say(`  Duration: ${clock(duration / 1e6)}, start: 0.000000`);
  const index = ctx.findBestStream(c.AVMEDIA_TYPE_AUDIO);
  for (const [i, stream] of ctx.streams.entries()) {
    const kind = stream.codecpar.codecType === c.AVMEDIA_TYPE_AUDIO ? 'Audio' : 'Video';
    say(`  Stream #0:${i}: ${kind}: ${av.avGetCodecName(stream.codecpar.codecId) ?? 'unknown'}`);
  }
  if (index < 0) {
    say("Stream map '0:a:0' matches no streams.");
    return 1;
  }
  if (mode === 'probe') return 0;

  const stream = ctx.streams[index]!;
  const codec = av.Codec.findDecoder(stream.codecpar.codecId);
  if (!codec) {
    say(`Decoder (codec ${av.avGetCodecName(stream.codecpar.codecId) ?? 'none'}) not found for input stream #0:${index}`);
    return 1;
  }
  const decoder = new av.CodecContext();
  decoder.allocContext3(codec);
  decoder.parametersToContext(stream.codecpar);
  if (decoder.open2Sync(codec, null) < 0) {
    say(`Decoder (codec ${codec.name}) not found for input stream #0:${index}`);
    return 1;
  }
  const resampler = new av.SoftwareResampleContext();
  let resamplerReady = false;
  const packet = new av.Packet();
  packet.alloc();
  const frame = new av.Frame();
  frame.alloc();
  const out = new av.Frame();
  out.alloc();

  const emit = (input: InstanceType<AvLib['Frame']> | null): void => {
    if (!input && !resamplerReady) return;
    if (input && input.channelLayout.order !== c.AV_CHANNEL_ORDER_NATIVE) {
      // an unspecified layout (some WMA, raw PCM): the usual one for its channel count
      input.channelLayout = input.channelLayout.nbChannels === 1 ? c.AV_CHANNEL_LAYOUT_MONO : c.AV_CHANNEL_LAYOUT_STEREO;
    }
    if (input && !resamplerReady) {
      resampler.allocSetOpts2(
        MONO,
        c.AV_SAMPLE_FMT_S16,
        SAMPLE_RATE,
        input.channelLayout,
        input.format as unknown as typeof c.AV_SAMPLE_FMT_S16,
        input.sampleRate,
      );
      if (resampler.init() < 0) throw new Error('resampler');
      resamplerReady = true;
    }
    out.unref();
    out.format = c.AV_SAMPLE_FMT_S16;
    out.sampleRate = SAMPLE_RATE;
    out.channelLayout = MONO;
    if (resampler.convertFrame(out, input) < 0) {
      say('Error while decoding stream #0:0: resampling');
      return;
    }
    if (out.nbSamples > 0) writeAll(out.toBuffer().subarray(0, out.nbSamples * 2));
  };
  const drain = (): void => {
    while (decoder.receiveFrameSync(frame) >= 0) {
      emit(frame);
      frame.unref();
    }
  };
  while (ctx.readFrameSync(packet) >= 0) {
    if (packet.streamIndex === index) {
      const sent = decoder.sendPacketSync(packet);
      if (sent < 0 && sent !== c.AVERROR_EAGAIN) say(`Error while decoding stream #0:${index}: ${sent}`);
      drain();
    }
    packet.unref();
  }
  decoder.sendPacketSync(null);
  drain();
  emit(null);
  return 0;
}

const [mode, dashes, path] = process.argv.slice(2);
if ((mode !== 'probe' && mode !== 'decode') || dashes !== '--' || !path) {
  say('usage: avDecodeChild probe|decode -- PATH');
  process.exit(2);
}
try {
  process.exitCode = main(mode, path);
} catch (e) {
  say(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
