import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeToPcm } from '../../native/audio/decodeToPcm';
import type { Transcript } from '../../native/common/transcript';
import { characterErrorRate } from '../../native/eval/characterErrorRate';
import { loadMeeting } from '../../native/eval/corpus';
import { corpusAudio, makeMedia, NO_CORPUS, NO_MODEL, runCli, tempDir, testModel } from '../helpers/fixtures';

const model = testModel();
const m03 = corpusAudio('m03_kotsu_chiibasu');

test('one minute of silence (and of faint room noise) gives an empty transcript', { skip: model ? false : NO_MODEL }, async () => {
  const dir = tempDir();
  makeMedia(['-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '60', join(dir, 'silence.wav')]);
  makeMedia(['-f', 'lavfi', '-i', 'anoisesrc=r=16000:a=0.002:c=pink', '-t', '60', join(dir, 'noise.wav')]);
  for (const f of ['silence.wav', 'noise.wav']) {
    for (const extra of [[], ['--no-vad']]) {
      const json = join(dir, `${f}${extra.length}.json`);
      const r = await runCli(['transcribe', join(dir, f), '--model', model ?? '', '--json', json, ...extra]);
      assert.equal(r.code, 0, r.stderr);
      const t = JSON.parse(readFileSync(json, 'utf8')) as Transcript;
      assert.deepEqual(
        t.segments.map((s) => s.text),
        [],
        `${f} ${extra.join(' ')}`,
      );
    }
  }
});

test('every container and codec a clerk brings decodes to 16 kHz mono', { skip: m03 ? false : NO_CORPUS }, async () => {
  const dir = tempDir();
  const formats: [string, string[]][] = [
    ['a.wav', []],
    ['a.mp3', ['-c:a', 'libmp3lame']],
    ['a.m4a', ['-c:a', 'aac']],
    ['a.wma', ['-c:a', 'wmav2']],
    ['a.flac', []],
    ['a.ogg', ['-c:a', 'libvorbis']],
    ['a.opus', ['-c:a', 'libopus']],
    ['a.mp4', ['-f', 'lavfi', '-i', 'color=black:s=160x120:r=10', '-shortest', '-c:v', 'mpeg4', '-c:a', 'aac', '-ac', '2', '-ar', '44100']],
    ['a.mov', ['-f', 'lavfi', '-i', 'color=black:s=160x120:r=10', '-shortest', '-c:v', 'mpeg4', '-c:a', 'aac']],
  ];
  for (const [name, args] of formats) {
    const path = join(dir, name);
    makeMedia(['-i', m03 ?? '', '-t', '5', ...args, path]);
    let bytes = 0;
    const r = await decodeToPcm(path, {
      onPcm: (c) => {
        bytes += c.length;
      },
    });
    // AAC in mov/mp4 adds its encoder delay (≈0.2 s at most)
    assert.ok(Math.abs(r.duration - 5) < 0.25, `${name}: ${r.duration} s`);
    assert.equal(bytes, r.samples * 2);
    assert.equal(r.truncated, null, name);
  }
});

test('a path with Japanese characters and spaces works', { skip: !model ? NO_MODEL : !m03 ? NO_CORPUS : false }, async () => {
  const dir = join(tempDir(), '令和6年 第4回 定例会');
  mkdirSync(join(dir, '出力 結果'), { recursive: true });
  const input = join(dir, '交通 委員会 録音.flac');
  copyFileSync(m03 ?? '', input);
  const json = join(dir, '出力 結果', '議事録 下書き.json');
  const r = await runCli(['transcribe', input, '--model', model ?? '', '--json', json, '--txt', join(dir, '出力 結果', '下書き.txt')]);
  assert.equal(r.code, 0, r.stderr);
  const t = JSON.parse(readFileSync(json, 'utf8')) as Transcript;
  assert.equal(t.audio.path, input);
  assert.ok(
    characterErrorRate(loadMeeting('m03_kotsu_chiibasu').text, t.segments.map((s) => s.text).join('')) <= 0.14,
    'as in corpusAccuracy: the path changes nothing',
  );
});
