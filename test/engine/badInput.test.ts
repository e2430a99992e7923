import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript } from '../../native/common/transcript';
import { corpusAudio, makeMedia, NO_CORPUS, NO_MODEL, runCli, tempDir, testModel } from '../helpers/fixtures';

const model = testModel();
const m01 = corpusAudio('m01_honkaigi_kaikai');

/** A WAV whose format tag (0x1252) no decoder knows. */
function unknownCodecWav(path: string): void {
  const data = Buffer.alloc(16000);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(0x1252, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(16000, 4);
  fmt.writeUInt32LE(32000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0);
  head.writeUInt32LE(4 + 8 + 16 + 8 + data.length, 4);
  head.write('WAVE', 8);
  const fmtHead = Buffer.alloc(8);
  fmtHead.write('fmt ', 0);
  fmtHead.writeUInt32LE(16, 4);
  const dataHead = Buffer.alloc(8);
  dataHead.write('data', 0);
  dataHead.writeUInt32LE(data.length, 4);
  writeFileSync(path, Buffer.concat([head, fmtHead, fmt, dataHead, data]));
}

test(
  'bad input: a clear message in Japanese and English, non-zero exit, no trace, no output',
  { skip: model ? false : NO_MODEL },
  async () => {
    const dir = tempDir();
    const good = join(dir, 'ok.wav');
    makeMedia(['-f', 'lavfi', '-i', 'sine=f=440:r=16000', '-t', '2', good]);
    writeFileSync(join(dir, 'empty.wav'), '');
    writeFileSync(join(dir, 'garbage.mp3'), Buffer.from(Array.from({ length: 50000 }, (_, i) => (i * 7919) % 251)));
    makeMedia(['-f', 'lavfi', '-i', 'color=red:s=64x64', '-frames:v', '1', join(dir, 'photo.png')]);
    unknownCodecWav(join(dir, 'codec.wav'));
    writeFileSync(join(dir, 'broken-model.bin'), Buffer.alloc(4096, 7));
    mkdirSync(join(dir, 'a folder.wav'));

    const cases: { name: string; input: string; model?: string; out?: string; code: string; ja: RegExp }[] = [
      { name: 'missing path', input: join(dir, 'nope.wav'), code: 'INPUT_NOT_FOUND', ja: /見つかりません/ },
      { name: 'a directory', input: join(dir, 'a folder.wav'), code: 'INPUT_IS_DIRECTORY', ja: /フォルダ/ },
      { name: '0-byte file', input: join(dir, 'empty.wav'), code: 'INPUT_EMPTY', ja: /空です/ },
      { name: 'corrupt file', input: join(dir, 'garbage.mp3'), code: 'INPUT_CORRUPT', ja: /壊れている/ },
      { name: 'an image', input: join(dir, 'photo.png'), code: 'INPUT_NOT_AUDIO', ja: /音声が含まれていません/ },
      { name: 'unsupported codec', input: join(dir, 'codec.wav'), code: 'CODEC_UNSUPPORTED', ja: /対応していません/ },
      { name: 'missing model', input: good, model: join(dir, 'no-model.bin'), code: 'MODEL_NOT_FOUND', ja: /モデルファイル/ },
      { name: 'corrupt model', input: good, model: join(dir, 'broken-model.bin'), code: 'MODEL_INVALID', ja: /モデル/ },
      {
        name: 'unwritable output folder',
        input: good,
        out: join(dir, 'no such folder', 'out.json'),
        code: 'OUTPUT_NOT_WRITABLE',
        ja: /書き込めません/,
      },
    ];
    for (const c of cases) {
      const out = c.out ?? join(dir, `${c.code}.json`);
      const r = await runCli(['transcribe', c.input, '--model', c.model ?? model ?? '', '--json', out]);
      assert.notEqual(r.code, 0, `${c.name}: exit code`);
      assert.match(r.stderr, /^エラー: /m, `${c.name}: Japanese message\n${r.stderr}`);
      assert.match(r.stderr, c.ja, `${c.name}: says what is wrong\n${r.stderr}`);
      assert.match(r.stderr, /^Error: /m, `${c.name}: English message`);
      assert.doesNotMatch(r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, `${c.name}: no stack trace`);
      assert.equal(existsSync(out), false, `${c.name}: no output file`);
    }
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.json') || f.includes('.tmp-')),
      [],
    );
  },
);

test(
  'a truncated recording: what decodes is transcribed, and the user is told where it ends',
  { skip: !model ? NO_MODEL : !m01 ? NO_CORPUS : false },
  async () => {
    const dir = tempDir();
    const cut = join(dir, 'IC recorder died.flac');
    writeFileSync(cut, readFileSync(m01 ?? '').subarray(0, 200_000));
    const json = join(dir, 'out.json');
    const r = await runCli(['transcribe', cut, '--model', model ?? '', '--json', json]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /途中で終わっています/);
    assert.match(r.stderr, /ends early/);
    const t = JSON.parse(readFileSync(json, 'utf8')) as Transcript;
    assert.ok(t.audio.truncated, 'the JSON says the file is cut short');
    assert.ok(Math.abs(t.audio.truncated.expected_duration - 116.1) < 0.2);
    assert.ok(t.audio.truncated.decoded_duration > 5 && t.audio.truncated.decoded_duration < 30);
    assert.equal(t.notices[0]?.kind, 'truncated');
    assert.ok(t.segments.length > 0 && t.segments[0]?.text.includes('会'), 'the decodable part is transcribed');

    // a WAV whose header promises more than the file holds
    const wav = join(dir, 'cut.wav');
    makeMedia(['-i', m01 ?? '', '-t', '20', wav]);
    const whole = readFileSync(wav);
    const dataAt = whole.indexOf('data') + 8;
    assert.equal(whole.readUInt32LE(dataAt - 4), 16000 * 2 * 20, 'the header promises 20 s');
    writeFileSync(wav, whole.subarray(0, dataAt + 16000 * 2 * 8));
    const r2 = await runCli(['transcribe', wav, '--model', model ?? '', '--json', json]);
    assert.equal(r2.code, 0, r2.stderr);
    const t2 = JSON.parse(readFileSync(json, 'utf8')) as Transcript;
    assert.ok(t2.audio.truncated && Math.abs(t2.audio.truncated.expected_duration - 20) < 0.1, JSON.stringify(t2.audio));
  },
);

test('bad arguments and an unknown command exit non-zero with usage', async () => {
  const r = await runCli(['transcribe']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /使い方/);
  const r2 = await runCli(['frobnicate']);
  assert.equal(r2.code, 2);
});
