import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildShortTurnCase, idOver, shortTurnCases } from '../../bench/shortTurnCases';
import type { SpeakerTurn } from '../../native/common/speakers';
import { diarizeInChild } from '../../native/diarize/diarizeInChild';
import { corpusDir } from '../../native/eval/corpus';
import { findSpeakerModels, findVadModel } from '../../native/models/findModels';
import { corpusAudio, makeMedia, NO_CORPUS, tempDir } from '../helpers/fixtures';

const models = findSpeakerModels();
const vad = findVadModel();
const m09 = corpusAudio('m09_ogano_honkaigi');

/**
 * Real speech from m09 put together so that the chair's one-line call sits between two answers of
 * 産業観光課長 with 0.1 s either side (the VAD hears one region): 議長 19.1 s, a pause, 課長 11.0 s,
 * 議長 「産業観光課長。」 1.3 s, 課長 6.9 s. Pieces: [from, to] seconds of m09, then the gap after it.
 * Measured: the call comes out as the chair's voice (S1, 31.1–32.5 s), 2 voices; with the VAD regions
 * alone (no segmentation model) it went to 課長 with the rest of the region.
 */
const PIECES: [number, number, number][] = [
  [158.37, 177.45, 1.0],
  [107.07, 118.02, 0.1],
  [103.98, 105.31, 0.1],
  [136.33, 143.2, 0],
];

function speakerAt(turns: SpeakerTurn[], t: number): string | null {
  return turns.find((x) => x.start <= t && x.end >= t)?.speaker ?? null;
}

test(
  "a one-line turn (1.3 s) inside another voice's region gets its own voice: the chair's, not the answerer's",
  {
    skip: !m09
      ? NO_CORPUS
      : !models.embedding || !models.segmentation || !vad
        ? 'skipped: speaker-*.onnx or silero-vad-*.onnx not found'
        : false,
  },
  async () => {
    const dir = tempDir();
    const pcmPath = join(dir, 'short-turn.s16le');
    const parts = PIECES.map(([a, b, gap], i) => `[0:a]atrim=${a}:${b},asetpts=PTS-STARTPTS,apad=pad_dur=${gap}[p${i}]`);
    makeMedia([
      '-i',
      m09 ?? '',
      '-filter_complex',
      `${parts.join(';')};${PIECES.map((_, i) => `[p${i}]`).join('')}concat=n=${PIECES.length}:v=0:a=1[out]`,
      '-map',
      '[out]',
      '-ar',
      '16000',
      '-ac',
      '1',
      '-f',
      's16le',
      pcmPath,
    ]);
    const starts: number[] = [];
    let t = 0;
    for (const [a, b, gap] of PIECES) {
      starts.push(t);
      t += b - a + gap;
    }
    const mid = (i: number): number => (starts[i] ?? 0) + ((PIECES[i]?.[1] ?? 0) - (PIECES[i]?.[0] ?? 0)) / 2;

    const result = await diarizeInChild({
      pcmPath,
      embeddingModel: models.embedding ?? '',
      segmentationModel: models.segmentation ?? '',
      vadModel: vad ?? '',
    });
    const chair = speakerAt(result.turns, mid(0));
    const answer = speakerAt(result.turns, mid(1));
    assert.ok(chair && answer && chair !== answer, JSON.stringify(result.turns));
    assert.equal(speakerAt(result.turns, mid(2)), chair, `「産業観光課長。」 at ${mid(2).toFixed(2)} s: ${JSON.stringify(result.turns)}`);
    assert.equal(speakerAt(result.turns, mid(3)), answer);
    assert.equal(result.speakers.length, 2);
  },
);

/**
 * Every constructed one-line turn of 0.8–1.0 s (bench/shortTurnCases.ts: from the corpus's meetings, a turn of one
 * voice put between the halves of another voice's turn with 0.1 s of the room's own noise either side, so the VAD
 * hears one stretch). Measured 2026-12-07: 5 of 6 get their own voice's id (tune half 4/4, check 1/2; the one missed,
 * 0.87 s in m02, lies where the segmentation model cut 1 s early, so the piece holding it is mostly the other voice);
 * without the search for short turns (shortTurns.ts) 1 of 6. All lengths: diarizationTuning --short.
 */
test(
  "a one-line turn of 0.8–1.0 s inside another voice's stretch of speech gets its own voice's id (5 of 6 constructed cases)",
  {
    skip: !corpusDir()
      ? NO_CORPUS
      : !models.embedding || !models.segmentation || !vad
        ? 'skipped: speaker-*.onnx or silero-vad-*.onnx not found'
        : false,
  },
  async () => {
    const cases = readdirSync(corpusDir() ?? '')
      .filter((m) => /^m\d\d_/.test(m))
      .sort()
      .flatMap(shortTurnCases)
      .filter((c) => c.b.end - c.b.start >= 0.8 && c.b.end - c.b.start < 1.0);
    assert.equal(cases.length, 6);
    const missed: string[] = [];
    for (const c of cases) {
      const pcmPath = join(tempDir(), 'case.s16le');
      const parts = buildShortTurnCase(c, pcmPath);
      const result = await diarizeInChild({
        pcmPath,
        embeddingModel: models.embedding ?? '',
        segmentationModel: models.segmentation ?? '',
        vadModel: vad ?? '',
      });
      const [y, x1, b, x2] = [parts.y, parts.x1, parts.b, parts.x2].map((p) => idOver(result.turns, p));
      if (!(y && b === y && x1 !== y && x2 !== y)) missed.push(`${c.meeting} ${c.b.start}: ${JSON.stringify(result.turns)}`);
    }
    assert.ok(missed.length <= 1, missed.join('\n'));
  },
);
