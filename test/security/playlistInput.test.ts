// Issue 13, "a 2018 ffmpeg decodes every import": an HLS playlist saved as meeting.mp3 pointing at
// file:///…/recordings/rec-000001.wav was accepted as a meeting and decoded another meeting's
// recording into it. Now every ffmpeg run has a container whitelist and the file protocol only, and a
// playlist or concat list is refused with a clear message before ffmpeg runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiReply } from '../../native/common/api';
import { inputArgs } from '../../native/audio/ffmpegInput';
import { ffmpegFailure } from '../../native/audio/ffmpegDiagnostics';
import { decoderCommand, findDecoder, findOnPath } from '../../native/audio/findDecoder';
import { startBridgeApp } from '../../native/bridge/startBridgeApp';
import { makeMedia, runCli, ROOT, tempDir } from '../helpers/fixtures';
import { MEETING, uploadToBridge } from '../app/appFixtures';

const SYSTEM_FFMPEG = findOnPath('ffmpeg') ?? 'ffmpeg';
const OLD_FFMPEG = join(ROOT, 'node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg');

function playlists(dir: string, target: string): Record<string, string> {
  return {
    'meeting.mp3': `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:5,\nfile://${target}\n#EXT-X-ENDLIST\n`,
    '会議.m4a': `\ufeff#EXTM3U\n#EXTINF:5,\n${target}\n`,
    'concat.wav': `ffconcat version 1.0\nfile '${target}'\n`,
  };
}

test('a playlist posing as a recording does not pull in another meeting: refused on import and in the CLI', async () => {
  const dataDir = tempDir();
  const recording = join(dataDir, 'recordings', 'rec-000001.wav');
  mkdirSync(join(dataDir, 'recordings'), { recursive: true });
  makeMedia(['-f', 'lavfi', '-i', 'sine=f=440:r=16000', '-t', '5', recording]);
  const app = await startBridgeApp({ dataDir, staticDir: tempDir() });
  try {
    const outside = tempDir();
    for (const [name, text] of Object.entries(playlists(outside, recording))) {
      writeFileSync(join(outside, name), text);
      const uploaded = await uploadToBridge(app.bridge.origin, app.bridge.token, join(outside, name));
      const res = await fetch(`${app.bridge.origin}/api/createMeeting`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${app.bridge.token}` },
        body: JSON.stringify([MEETING, uploaded]),
      });
      const reply = (await res.json()) as ApiReply<unknown>;
      assert.ok(!reply.ok, `${name} refused`);
      assert.equal(reply.error.code, 'INPUT_NOT_AUDIO', name);
      assert.match(reply.error.text.ja, /プレイリスト/);
      assert.match(reply.error.text.en, /playlist/);

      const out = join(outside, `${name}.json`);
      const cli = await runCli(['transcribe', join(outside, name), '--json', out, '--no-vad']);
      assert.equal(cli.code, 1, `${name}: ${cli.stderr}`);
      assert.match(cli.stderr, /プレイリスト/);
      assert.ok(!existsSync(out));
    }
  } finally {
    await app.close();
  }
});

test('the whitelist alone refuses playlists even in the 2018 binary, which decodes them without it', () => {
  const dir = tempDir();
  const secret = join(dir, 'secret.wav');
  makeMedia(['-f', 'lavfi', '-i', 'sine=f=440:r=16000', '-t', '5', secret]);
  for (const bin of [SYSTEM_FFMPEG, ...(existsSync(OLD_FFMPEG) ? [OLD_FFMPEG] : [])]) {
    for (const [name, text] of Object.entries(playlists(dir, secret))) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const decode = (args: string[]) =>
        spawnSync(bin, ['-v', 'error', '-nostdin', ...args, '-vn', '-ac', '1', '-ar', '16000', '-f', 's16le', 'pipe:1'], {
          maxBuffer: 1 << 26,
        });
      const guarded = decode(inputArgs(path));
      assert.equal(guarded.stdout.length, 0, `${bin} ${name}: nothing decoded`);
      const stderr = guarded.stderr.toString();
      // (a BOM before #EXTM3U hides the playlist from the probe: then it fails as a damaged m4a)
      if (name !== '会議.m4a') {
        assert.match(stderr, /not on whitelist/, `${bin} ${name}: ${stderr}`);
        assert.match(ffmpegFailure(path, stderr).text.en, /playlist/);
      }
      if (bin === OLD_FFMPEG && name === 'meeting.mp3') {
        assert.equal(
          decode(['-i', path]).stdout.length,
          160_000,
          'without the whitelist the old binary decodes the other recording (the finding)',
        );
      }
    }
  }
});

test(
  'the chosen decoder (FFmpeg 8 through node-av, in a child) refuses them too',
  { skip: findDecoder().kind === 'node-av' ? false : 'node-av is not installed here' },
  () => {
    const dir = tempDir();
    const secret = join(dir, 'secret.wav');
    makeMedia(['-f', 'lavfi', '-i', 'sine=f=440:r=16000', '-t', '5', secret]);
    for (const [name, text] of Object.entries(playlists(dir, secret))) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const run = decoderCommand(findDecoder(), 'decode', path);
      const r = spawnSync(run.command, run.args, { env: run.env, maxBuffer: 1 << 26 });
      assert.equal(r.stdout.length, 0, `${name}: nothing decoded`);
      assert.notEqual(r.status, 0, name);
    }
  },
);

test('every container a council records in still decodes through the whitelist', () => {
  const dir = tempDir();
  const kinds: Record<string, string[]> = {
    'a.wav': [],
    'a.mp3': [],
    'a.m4a': [],
    'a.wma': [],
    'a.ogg': [],
    'a.opus': [],
    'a.flac': [],
    'a.aac': [],
    'a.webm': ['-c:a', 'libopus'],
    'a.mkv': ['-c:a', 'flac'],
    'a.aiff': [],
    'a.ts': ['-c:a', 'mp2'],
    'a.avi': ['-c:a', 'pcm_s16le'],
  };
  for (const [name, codec] of Object.entries(kinds)) {
    const path = join(dir, name);
    makeMedia(['-f', 'lavfi', '-i', 'sine=f=300:r=16000', '-t', '2', ...codec, path]);
    const r = spawnSync(
      SYSTEM_FFMPEG,
      ['-v', 'error', '-nostdin', ...inputArgs(path), '-vn', '-ac', '1', '-ar', '16000', '-f', 's16le', 'pipe:1'],
      { maxBuffer: 1 << 24 },
    );
    assert.ok(r.stdout.length > 60_000, `${name}: ${r.stdout.length} bytes; ${r.stderr.toString()}`);
    const run = decoderCommand(findDecoder(), 'decode', path);
    const chosen = spawnSync(run.command, run.args, { env: run.env, maxBuffer: 1 << 24 });
    assert.ok(
      Math.abs(chosen.stdout.length - r.stdout.length) < 4000,
      `${name} through ${findDecoder().kind}: ${chosen.stdout.length} bytes; ${chosen.stderr.toString()}`,
    );
  }
});
