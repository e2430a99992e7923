// The live draft with the real model and VAD: speech closed by a pause is decoded while audio
// still arrives, and stop decodes only what is left — pieces already in the draft are reused
// from their checkpoints, not decoded again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assembleTranscript } from '../../native/engine/assembleTranscript';
import { findVadModels } from '../../native/models/findModels';
import { LiveDraft } from '../../native/recording/liveDraft';
import { RecordingFile } from '../../native/recording/recordingFile';
import { decodeFor } from '../../native/engine/decodeFor';
import { findWhisperCli } from '../../native/whisper/findWhisperCli';
import { corpusAudio, NO_CORPUS, NO_MODEL, tempDir, testModel } from '../helpers/fixtures';

const AUDIO = corpusAudio('m01_honkaigi_kaikai');
const skip =
  (testModel() ? null : NO_MODEL) ??
  (AUDIO ? null : NO_CORPUS) ??
  (findVadModels().length > 0 ? null : 'skipped: silero-vad-v6.onnx not found');
const SECOND = 32000;

function pieceFiles(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of readdirSync(join(dir, 'pieces'))) if (f.endsWith('.json')) out.set(f, statSync(join(dir, 'pieces', f)).mtimeMs);
  return out;
}

describe('live draft', { skip: skip ?? false }, () => {
  it('drafts while audio arrives, and stop reuses every piece already decoded', async () => {
    const pcm = execFileSync('ffmpeg', ['-v', 'error', '-i', AUDIO!, '-t', '60', '-ac', '1', '-ar', '16000', '-f', 's16le', '-'], {
      maxBuffer: 1 << 26,
    });
    const dir = tempDir();
    const file = RecordingFile.create(join(dir, 'rec.wav'));
    const draft = new LiveDraft({
      wavPath: file.path,
      workDir: join(dir, 'draft'),
      model: testModel()!,
      vadModels: findVadModels(),
      whisperBinary: findWhisperCli().path,
      decode: decodeFor(testModel()!, { threads: 2 }),
    });
    const feed = (from: number, to: number) => {
      for (let s = from; s < to; s++) {
        const chunk = pcm.subarray(s * SECOND, (s + 1) * SECOND);
        file.append(chunk);
        draft.accept(chunk);
      }
    };
    feed(0, 30);
    // a batch started at the first stale or full stretch; wait for its lines while "recording" is paused
    const deadline = Date.now() + 90_000;
    while (draft.lines().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const early = draft.lines();
    assert.ok(early.length > 0, 'draft lines before stop');
    assert.ok(early.every((l) => l.end <= 30.01));
    const before = pieceFiles(join(dir, 'draft'));
    assert.ok(before.size > 0);

    feed(30, Math.ceil(pcm.length / SECOND));
    file.close();
    const results = await draft.finish();
    const after = pieceFiles(join(dir, 'draft'));
    for (const [name, mtime] of before) assert.equal(after.get(name), mtime, `${name} was not decoded again`);
    assert.ok(after.size > before.size, 'the rest was decoded at stop');
    // pieces cover the recording in order, without overlap
    const spans = results.flatMap((r) => r.piece.spans);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.from >= spans[i - 1]!.from + spans[i - 1]!.length);
    const { segments } = assembleTranscript(results);
    const text = segments.map((s) => s.text).join('');
    for (const word of ['会議', '本日', '事務局長']) assert.ok(text.includes(word), `「${word}」 in ${text}`);
    for (let i = 1; i < segments.length; i++) assert.ok(segments[i]!.start >= segments[i - 1]!.start);
    assert.ok((segments.at(-1)?.end ?? 0) <= 60.01);
  });
});
