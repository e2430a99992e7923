import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript } from '../../native/common/transcript';
import { diarizeInChild } from '../../native/diarize/diarizeInChild';
import { findSpeakerModels, findVadModel } from '../../native/models/findModels';
import { corpusAudio, makeMedia, NO_CORPUS, NO_MODEL, runCli, tempDir, testModel } from '../helpers/fixtures';

const embedding = findSpeakerModels().embedding;
const vad = findVadModel();
const model = testModel();
const m03 = corpusAudio('m03_kotsu_chiibasu');

test(
  'a corrupt speaker model is a clear ja/en error from the child process, not a crash of ours',
  { skip: vad ? false : 'skipped: no silero-vad-*.onnx' },
  async () => {
    const dir = tempDir();
    const pcm = join(dir, 'a.s16le');
    writeFileSync(pcm, Buffer.alloc(16000 * 2 * 3));
    const cases = {
      garbage: Buffer.from('not an onnx model\n'),
      truncated: embedding ? readFileSync(embedding).subarray(0, 100_000) : Buffer.alloc(100_000, 1),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const bad = join(dir, `${name}.onnx`);
      writeFileSync(bad, bytes);
      await assert.rejects(diarizeInChild({ pcmPath: pcm, embeddingModel: bad, vadModel: vad ?? '' }), (e: unknown) => {
        const err = e as { code?: string; text?: { ja: string; en: string } };
        assert.equal(err.code, 'SPEAKER_MODEL_INVALID', name);
        assert.match(err.text?.ja ?? '', /話者を区別するモデルを読み込めません/);
        assert.match(err.text?.en ?? '', /speaker model could not be loaded/);
        return true;
      });
    }
    await assert.rejects(
      diarizeInChild({ pcmPath: pcm, embeddingModel: join(dir, 'absent.onnx'), vadModel: vad ?? '' }),
      (e: unknown) => (e as { code?: string }).code === 'SPEAKER_MODEL_INVALID',
    );
    // a broken segmentation model (onnxruntime-node) is the same kind of error, from its own child process
    await assert.rejects(
      diarizeInChild({
        pcmPath: pcm,
        embeddingModel: embedding ?? join(dir, 'absent.onnx'),
        segmentationModel: join(dir, 'garbage.onnx'),
        vadModel: vad ?? '',
      }),
      (e: unknown) => {
        const err = e as { code?: string; text?: { ja: string; en: string } };
        assert.equal(err.code, 'SPEAKER_MODEL_INVALID');
        assert.match(err.text?.ja ?? '', /話者の切り替わりを見つけるモデルを読み込めません/);
        assert.match(err.text?.en ?? '', /speaker segmentation model could not be loaded/);
        return true;
      },
    );
  },
);

// a 20 s stretch of m03 where 委員長 (42.7–48.0 s) hands over to 田中委員 (48.6–61.0 s)
test(
  'CLI --speakers: speakers filled in; a corrupt or missing speaker model → notice, exit 0, transcript without speakers',
  { skip: !model ? NO_MODEL : !m03 ? NO_CORPUS : !embedding ? 'skipped: no speaker-embedding-*.onnx' : false },
  async () => {
    const dir = tempDir();
    const clip = join(dir, 'clip.wav');
    makeMedia(['-ss', '42', '-t', '20', '-i', m03 ?? '', '-ar', '16000', '-ac', '1', clip]);
    const jobs = tempDir('gijiroku-jobs-');

    const good = await runCli(['transcribe', clip, '--model', model ?? '', '--speakers', '2', '--json', join(dir, 'good.json')], {
      GIJIROKU_JOBS_DIR: jobs,
    });
    assert.equal(good.code, 0, good.stderr);
    const t = JSON.parse(readFileSync(join(dir, 'good.json'), 'utf8')) as Transcript;
    assert.deepEqual(
      t.speakers?.map((s) => s.id),
      ['S1', 'S2'],
    );
    assert.ok(t.segments.every((s) => s.speaker === 'S1' || s.speaker === 'S2'));
    assert.equal(t.segments[0]?.speaker, 'S1');
    assert.equal(t.segments[t.segments.length - 1]?.speaker, 'S2');
    assert.ok((t.timing.speakers_s ?? 0) > 0);

    const badDir = join(dir, 'bad-models');
    mkdirSync(badDir);
    writeFileSync(join(badDir, 'speaker-embedding-broken.onnx'), Buffer.alloc(5000, 3));
    const emptyDir = join(dir, 'no-models');
    mkdirSync(emptyDir);
    for (const [name, modelsDir, message] of [
      ['corrupt', badDir, /読み込めません/],
      ['missing', emptyDir, /見つかりません/],
    ] as const) {
      const out = join(dir, `${name}.json`);
      const r = await runCli(
        ['transcribe', clip, '--model', model ?? '', '--speakers', 'auto', '--speaker-models', modelsDir, '--json', out],
        { GIJIROKU_JOBS_DIR: jobs },
      );
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      assert.match(r.stderr, /^注意: .*話者/m, name);
      assert.match(r.stderr, message, name);
      assert.match(r.stderr, /^Note: .*speaker model/m, name);
      const bad = JSON.parse(readFileSync(out, 'utf8')) as Transcript;
      assert.equal(bad.speakers, undefined);
      assert.ok(bad.segments.length > 0 && bad.segments.every((s) => s.speaker === null), name);
      assert.ok(
        bad.notices.some((n) => n.kind === 'speakers-unavailable'),
        name,
      );
    }
    const bad = await runCli(['transcribe', clip, '--speakers', 'many', '--json', join(dir, 'x.json')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--speakers/);
  },
);
