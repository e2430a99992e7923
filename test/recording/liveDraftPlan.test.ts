import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startNoEarlierThan } from '../../native/recording/liveDraft';

describe('live draft: batches do not overlap', () => {
  const piece = {
    index: 3,
    length: 300,
    spans: [
      { from: 1000, at: 0, length: 100 },
      { from: 2000, at: 100, length: 200 },
    ],
  };

  it('cuts the audio before the previous batch ended, keeping piece time contiguous', () => {
    assert.deepEqual(startNoEarlierThan(piece, 1040), {
      index: 3,
      length: 260,
      spans: [
        { from: 1040, at: 0, length: 60 },
        { from: 2000, at: 60, length: 200 },
      ],
    });
    assert.deepEqual(startNoEarlierThan(piece, 2050), { index: 3, length: 150, spans: [{ from: 2050, at: 0, length: 150 }] });
  });

  it('leaves a piece that starts later alone, and empties one that is all before', () => {
    assert.deepEqual(startNoEarlierThan(piece, 0), piece);
    assert.deepEqual(startNoEarlierThan(piece, 5000), { index: 3, length: 0, spans: [] });
  });
});
