import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DIARIZE } from '../../native/diarize/diarize';
import { findChorus } from '../../native/diarize/findChorus';
import type { DiarizeWindow } from '../../native/diarize/planWindows';
import { normalise } from '../../native/diarize/speakerEmbedder';

const S = 16_000;
const at = (start: number, end: number, region: number): DiarizeWindow => ({
  start: Math.round(start * S),
  end: Math.round(end * S),
  region,
});

/** A unit vector along axis `k` with a little of axis `k + 1` (cosine between two such voices ≈ 0). */
function axis(k: number, lean = 0): Float32Array {
  const v = new Float32Array(192);
  v[k] = 1;
  v[k + 1] = lean;
  return normalise(v);
}

// voice A and voice B; the windows: A speaks, a short utterance alone, B speaks
const voices = [axis(0), axis(10)];
const near = (): Float32Array[] => voices;
const windows = [at(0, 8, 0), at(8, 16, 0), at(17.5, 18.1, 1), at(19.5, 27, 2), at(27, 33, 2)];
const usual = [0.9, 0.9, 0.9, 0.88, 0.92];

test("a short utterance on its own with several voices at once (the model's overlapped speech) is a chorus", () => {
  const embeddings = [voices[0], voices[0], axis(0, 0.3), voices[1], voices[1]] as Float32Array[];
  const chorus = findChorus(windows, embeddings, near, { voicing: usual, overlaps: [{ start: 17.6, end: 17.9 }] }, DEFAULT_DIARIZE);
  assert.deepEqual(chorus, [false, false, true, false, false]);
});

test("… or with a pitch less clear than the recording's speech while unlike every voice; like a voice, it is that voice's reply", () => {
  const unlike = [voices[0], voices[0], axis(40), voices[1], voices[1]] as Float32Array[];
  const vague = [...usual];
  vague[2] = 0.6;
  assert.deepEqual(findChorus(windows, unlike, near, { voicing: vague, overlaps: [] }, DEFAULT_DIARIZE), [
    false,
    false,
    true,
    false,
    false,
  ]);
  const alike = [...unlike];
  alike[2] = axis(10, 0.2);
  assert.deepEqual(findChorus(windows, alike, near, { voicing: vague, overlaps: [] }, DEFAULT_DIARIZE), [
    false,
    false,
    false,
    false,
    false,
  ]);
  assert.deepEqual(
    findChorus(windows, unlike, near, { voicing: usual, overlaps: [] }, DEFAULT_DIARIZE),
    [false, false, false, false, false],
    'clearly pitched: one person',
  );
});

test('not a chorus: a stretch too long, or one that follows straight on from other speech (the end of a turn)', () => {
  const embeddings = [voices[0], voices[0], axis(40), voices[1], voices[1]] as Float32Array[];
  const overlaps = [{ start: 17.6, end: 17.9 }];
  const long = [at(0, 8, 0), at(8, 16, 0), at(17.5, 20.5, 1), at(22, 27, 2), at(27, 33, 2)];
  assert.ok(!findChorus(long, embeddings, near, { voicing: usual, overlaps }, DEFAULT_DIARIZE).some(Boolean));
  const attached = [at(0, 8, 0), at(8, 17.3, 0), at(17.5, 18.1, 1), at(19.5, 27, 2), at(27, 33, 2)];
  assert.ok(
    !findChorus(attached, embeddings, near, { voicing: usual, overlaps }, DEFAULT_DIARIZE).some(Boolean),
    '0.2 s after the last word',
  );
});
