import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { decodeToPcm } from '../../native/audio/decodeToPcm';
import { diarizeInChild } from '../../native/diarize/diarizeInChild';
import { diarizationErrorRate } from '../../native/eval/diarizationErrorRate';
import { parseRttm } from '../../native/eval/rttm';
import { findSpeakerModels, findVadModel } from '../../native/models/findModels';
import { corpusAudio, NO_CORPUS, tempDir } from '../helpers/fixtures';

const embedding = findSpeakerModels().embedding;
const vad = findVadModel();
const NO_MODELS = 'skipped: speaker-embedding-*.onnx or silero-vad-*.onnx not found (GIJIROKU_MODELS_DIR, models/, ../shared/models)';

async function pcmOf(audio: string, dir: string): Promise<string> {
  const path = join(dir, 'audio.s16le');
  const out = createWriteStream(path);
  await decodeToPcm(audio, { onPcm: async (chunk) => { if (!out.write(chunk)) await once(out, 'drain'); } });
  out.end();
  await once(out, 'close');
  return path;
}

// Measured 2026-11-26 with silero-vad-v6 regions (defaults: 10 s windows, threshold 0.81): DER 0.011 / 0.009 / 0.008, 3 / 4 / 3 voices.
// The plain sherpa-onnx pipeline: 0.206 / 0.163 / 0.075 with 4 / 5 / 3. Bounds leave room for thread-order noise only.
const CASES = [
  { name: 'm01_honkaigi_kaikai', speakers: 3, maxDer: 0.03 },
  { name: 'm02_kosei_hoikuen', speakers: 4, maxDer: 0.02 },
  { name: 'm03_kotsu_chiibasu', speakers: 3, maxDer: 0.02 },
];

for (const c of CASES) {
  const audio = corpusAudio(c.name);
  test(`diarization of ${c.name}: ${c.speakers} voices found automatically, DER ≤ ${c.maxDer}`,
    { skip: !audio ? NO_CORPUS : !embedding || !vad ? NO_MODELS : false }, async () => {
      const dir = tempDir();
      const pcmPath = await pcmOf(audio ?? '', dir);
      const progress: number[] = [];
      const result = await diarizeInChild({ pcmPath, embeddingModel: embedding ?? '', vadModel: vad ?? '', onProgress: (f) => progress.push(f) });
      const reference = parseRttm(readFileSync(join(dirname(audio ?? ''), 'reference.rttm'), 'utf8'));
      const der = diarizationErrorRate(reference, result.turns, 0.25);
      assert.equal(result.speakers.length, c.speakers, JSON.stringify(result.speakers.map((s) => s.seconds)));
      assert.ok(der.der <= c.maxDer, `DER ${der.der.toFixed(3)} (missed ${der.missed}, false alarm ${der.falseAlarm}, confusion ${der.confusion})`);
      // the contract another helper builds voiceprints on
      assert.deepEqual(result.speakers.map((s) => s.id), Array.from({ length: c.speakers }, (_, i) => `S${i + 1}`));
      assert.equal(result.turns[0]?.speaker, 'S1');
      const firstSeen = [...new Set(result.turns.map((t) => t.speaker))];
      assert.deepEqual(firstSeen, result.speakers.map((s) => s.id), 'ids in order of first appearance');
      for (const s of result.speakers) {
        assert.equal(s.embedding.length, 192);
        assert.ok(Math.abs(Math.hypot(...s.embedding) - 1) < 1e-3, 'L2-normalised');
        const turnSeconds = result.turns.filter((t) => t.speaker === s.id).reduce((n, t) => n + t.end - t.start, 0);
        assert.ok(Math.abs(turnSeconds - s.seconds) < 0.01);
      }
      assert.equal(progress[progress.length - 1], 1);
      assert.ok(statSync(pcmPath).size > 0);
    });
}

test('a speaker count from the user is kept (m02, 4 voices told; 2 told merges the nearest voices)',
  { skip: !corpusAudio('m02_kosei_hoikuen') ? NO_CORPUS : !embedding || !vad ? NO_MODELS : false }, async () => {
    const audio = corpusAudio('m02_kosei_hoikuen') ?? '';
    const pcmPath = await pcmOf(audio, tempDir());
    const reference = parseRttm(readFileSync(join(dirname(audio), 'reference.rttm'), 'utf8'));
    const four = await diarizeInChild({ pcmPath, embeddingModel: embedding ?? '', vadModel: vad ?? '', speakers: 4 });
    assert.equal(four.speakers.length, 4);
    // measured 0.009 (v6 regions)
    assert.ok(diarizationErrorRate(reference, four.turns).der <= 0.02);
    const two = await diarizeInChild({ pcmPath, embeddingModel: embedding ?? '', vadModel: vad ?? '', speakers: 2 });
    assert.equal(two.speakers.length, 2);
  });
