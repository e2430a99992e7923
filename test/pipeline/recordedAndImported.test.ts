// One pipeline for every way audio comes in: the same speech recorded in the app (the page's 1 s
// chunks through appendRecording, the live draft decoding while it records) and imported as a file
// (the job runner running the CLI) gives the same transcript with the same corrections, because both
// are decoded alike and corrected with the same terms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished, waitFor } from '../app/appFixtures';
import type { ApiService } from '../../native/app/createApiService';
import type { Job, StoredCorrection, TranscriptView } from '../../native/common/api';
import { wavHeader } from '../../native/audio/wavHeader';
import { findVadModel } from '../../native/models/findModels';
import { assetOrSkip, corpusAudio, NO_CORPUS, NO_MODEL, SHARED, tempDir, testModel } from '../helpers/fixtures';
import { withService } from '../helpers/service';

const model = testModel();
const m03 = corpusAudio('m03_kotsu_chiibasu');
const dictionary = assetOrSkip(join(SHARED, 'corpus', 'dictionary.tsv'), NO_CORPUS);
const skip = !model ? NO_MODEL : !m03 || !dictionary ? NO_CORPUS : findVadModel() ? false : 'skipped: silero-vad-v6.onnx not found';
const MEETING = { title: '録音と取込', body: '交通・環境等対策特別委員会', date: '2024-06-12', place: '第1委員会室' };
const SECOND = 32_000;

/**
 * m03's first turn (0–9.2 s: ちぃばす, which base writes チーバス, corrected from the dictionary) and
 * 3.5 s of silence: its speech ends before the live draft's first batch is due (10 s after the
 * speech starts), so the draft plans the same pieces as the file's job, and decodes them while
 * the silence is still being recorded.
 */
function clipPcm(): Buffer {
  return execFileSync(
    'ffmpeg',
    ['-v', 'error', '-t', '9.2', '-i', m03!, '-af', 'apad=pad_dur=3.5', '-ac', '1', '-ar', '16000', '-f', 's16le', '-'],
    { maxBuffer: 1 << 24 },
  );
}

async function jobDone(service: ApiService, meetingId: number): Promise<Job> {
  const job = await waitFor("the meeting's job to finish", 240_000, async () => {
    const j = (await service.listJobs()).find((x) => x.meetingId === meetingId);
    return finished(j) ? j : null;
  });
  assert.equal(job.state, 'done', JSON.stringify(job.error));
  return job;
}

/** what must be equal: the lines' text, and each correction with the text of its line */
function comparable(view: TranscriptView, corrections: StoredCorrection[]): { lines: string[]; corrections: string[] } {
  const textOf = new Map(view.segments.map((s) => [s.id, s.text]));
  return {
    lines: view.segments.map((s) => s.text),
    corrections: corrections.map(
      (c) => `${textOf.get(c.segmentId)} [${c.start}, ${c.end}) ${c.from} → ${c.to} (${c.term}) ${c.applied ? 'applied' : 'suggested'}`,
    ),
  };
}

test('a recorded meeting and an imported one of the same audio get the same transcript with the same corrections', { skip }, async () => {
  const pcm = clipPcm();
  const wav = join(tempDir(), '取込.wav');
  writeFileSync(wav, Buffer.concat([wavHeader(pcm.length), pcm]));
  await withService(async ({ service }) => {
    await service.importTerms(service.grantFile(dictionary!), 'replace');

    const imported = await service.createMeeting(MEETING, service.grantFile(wav));
    await service.startTranscription(imported.id, model!);
    await jobDone(service, imported.id);

    const rec = await service.startRecording(MEETING, model!);
    for (let at = 0; at < pcm.length; at += SECOND) {
      await service.appendRecording(rec.recordingId, pcm.subarray(at, at + SECOND).toString('base64'));
    }
    // the draft decoded the speech while the recording went on (a stop would decode it too)
    await waitFor('the live draft', 120_000, async () => {
      const lines = (await service.getRecording(rec.recordingId)).draft;
      return lines.length > 0 ? lines : null;
    });
    const recorded = await service.stopRecording(rec.recordingId);
    await jobDone(service, recorded.id);

    const a = comparable(await service.getTranscript(imported.id), await service.listCorrections(imported.id));
    const b = comparable(await service.getTranscript(recorded.id), await service.listCorrections(recorded.id));
    assert.ok(
      a.corrections.some((c) => c.endsWith('applied')),
      `the dictionary corrected something: ${a.corrections.join(' / ')}`,
    );
    assert.deepEqual(b, a);
    for (const meetingId of [imported.id, recorded.id]) {
      const tokens = (await service.getTranscript(meetingId)).segments.flatMap((s) => s.tokens);
      assert.ok(tokens.length > 0 && tokens.every((t) => t.doubtLevel !== undefined), 'every word has a doubt level');
    }
  });
});
