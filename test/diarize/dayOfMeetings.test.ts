import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { voicesOfCorpus } from '../../bench/corpusVoices';
import type { SpeakerTurn } from '../../native/common/speakers';
import { diarizeInChild } from '../../native/diarize/diarizeInChild';
import { buildCorpusDay } from '../../native/eval/corpusDay';
import { corpusDir } from '../../native/eval/corpus';
import { diarizationErrorRate } from '../../native/eval/diarizationErrorRate';
import { findSpeakerModels, findVadModel } from '../../native/models/findModels';
import { NO_CORPUS, tempDir } from '../helpers/fixtures';

const models = findSpeakerModels();
const vad = findVadModel();
const MEETINGS = ['m01_honkaigi_kaikai', 'm02_kosei_hoikuen', 'm03_kotsu_chiibasu'];

/** the hypothesis speaker with most time inside the reference turns of `id` */
function idOf(reference: SpeakerTurn[], turns: SpeakerTurn[], id: string): string | null {
  const time = new Map<string, number>();
  for (const r of reference.filter((t) => t.speaker === id)) {
    for (const t of turns) {
      const o = Math.min(r.end, t.end) - Math.max(r.start, t.start);
      if (o > 0) time.set(t.speaker, (time.get(t.speaker) ?? 0) + o);
    }
  }
  return [...time.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

// Measured 2026-12-07: 620 s, 10 speaker ids that are 9 voices (区長 of m01 and 保育課長 of m02 have the same
// settings): 9 voices found, DER 0.128 by id and 0.027 by voice (the two ids of one voice share an id).
test(
  'a day of three meetings with 2–3-minute recesses: one id per voice across the recesses, DER by voice ≤ 0.05',
  {
    skip: !corpusDir()
      ? NO_CORPUS
      : !models.embedding || !models.segmentation || !vad
        ? 'skipped: speaker-*.onnx or silero-vad-*.onnx not found'
        : false,
  },
  async () => {
    const day = buildCorpusDay(MEETINGS, join(tempDir(), 'day.wav'));
    const result = await diarizeInChild({
      pcmPath: day.wav,
      embeddingModel: models.embedding ?? '',
      segmentationModel: models.segmentation ?? '',
      vadModel: vad ?? '',
    });
    const reference = day.segments.map((s) => ({ start: s.start, end: s.end, speaker: s.speaker }));
    const voices = voicesOfCorpus();
    const byVoice = reference.map((t) => ({ ...t, speaker: voices[t.speaker] ?? t.speaker }));
    assert.equal(new Set(byVoice.map((t) => t.speaker)).size, 9, 'the corpus README says 9 voices');
    assert.ok(result.speakers.length >= 8 && result.speakers.length <= 10, `${result.speakers.length} voices`);
    const der = diarizationErrorRate(byVoice, result.turns).der;
    assert.ok(der <= 0.05, `DER by voice ${der.toFixed(3)}`);
    assert.equal(
      idOf(reference, result.turns, 'm01_honkaigi_kaikai:kucho'),
      idOf(reference, result.turns, 'm02_kosei_hoikuen:hoikukacho'),
      'the same voice in two meetings, a recess apart, keeps its id',
    );
    assert.notEqual(
      idOf(reference, result.turns, 'm01_honkaigi_kaikai:gicho'),
      idOf(reference, result.turns, 'm03_kotsu_chiibasu:kotsukacho'),
      'two voices 2 half-tones apart (CAM++ cosine 0.97) stay apart across the recess',
    );
  },
);
