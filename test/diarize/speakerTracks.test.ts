import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEGMENTATION, TrackBuilder } from '../../native/diarize/speakerTracks';

const { frames, classes, frameShift } = SEGMENTATION;
const HOP = (frames * frameShift) / 2; // chunks overlap by half, as the pipeline runs them (5 s)

/** A chunk's output: for each frame the powerset class (0 nobody, 1..3 one local speaker) gets log-probability 0, the rest -10. */
function chunk(classOfFrame: (f: number) => number): Float32Array {
  const y = new Float32Array(frames * classes).fill(-10);
  for (let f = 0; f < frames; f++) y[f * classes + classOfFrame(f)] = 0;
  return y;
}

test('a voice seen by two overlapping chunks under different local numbers is one track', () => {
  const b = new TrackBuilder(HOP);
  // chunk 0: local speaker 0 speaks throughout; chunk 1 sees the same voice as its local speaker 2
  b.accept(chunk(() => 1));
  b.accept(chunk(() => 3));
  const runs = b.finish();
  assert.equal(runs.length, 1, JSON.stringify(runs));
  assert.ok((runs[0]?.end ?? 0) > 14.5, 'the run lasts to the end of the second chunk (15 s)');
});

test('a change of voice inside a chunk starts a new track at the change; silence ends a run', () => {
  const b = new TrackBuilder(HOP);
  const change = Math.round(frames * 0.6);
  b.accept(chunk((f) => (f < 100 ? 0 : f < change ? 1 : 2)));
  const runs = b.finish();
  assert.deepEqual(
    runs.map((r) => r.track),
    [0, 1],
  );
  const at = (change * frameShift + SEGMENTATION.receptiveField / 2) / 16000;
  assert.ok(Math.abs((runs[1]?.start ?? 0) - at) < 0.03, `change at ${runs[1]?.start}, expected ${at.toFixed(3)}`);
  assert.ok(
    Math.abs((runs[0]?.start ?? 0) - (100 * frameShift + SEGMENTATION.receptiveField / 2) / 16000) < 0.03,
    'speech starts after the silence',
  );
});

test('a malformed model output is refused', () => {
  assert.throws(() => new TrackBuilder(HOP).accept(new Float32Array(10)), /expected/);
});

test('frames where the model hears two local speakers at once are overlapped speech, joined into stretches', () => {
  const b = new TrackBuilder(HOP);
  // speaker 0 throughout the first chunk, with speakers 0 and 1 together (class 4) in frames 300–329
  b.accept(chunk((f) => (f >= 300 && f < 330 ? 4 : 1)));
  b.finish();
  const overlaps = b.overlapped();
  assert.equal(overlaps.length, 1, JSON.stringify(overlaps));
  const seconds = (f: number): number => (f * frameShift + SEGMENTATION.receptiveField / 2) / 16000;
  assert.ok(
    Math.abs((overlaps[0]?.start ?? 0) - seconds(300)) < 0.03 && Math.abs((overlaps[0]?.end ?? 0) - seconds(330)) < 0.03,
    JSON.stringify(overlaps),
  );
});
