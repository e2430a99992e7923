// One diarization run in its own process, so the bench can time it and read its peak RSS:
// node diarizationChild.js ours|sherpa AUDIO(s16le or WAV) OUT.json EMBEDDING SEGMENTATION VAD
import { writeFileSync } from 'node:fs';
import type { SpeakerTurn } from '../native/common/speakers';
import { diarizeInChild } from '../native/diarize/diarizeInChild';
import { PcmFile } from '../native/diarize/pcmFile';

const [mode, pcmPath, out, embedding, segmentation, vad] = process.argv.slice(2) as string[];

function plainSherpa(): SpeakerTurn[] {
  const sherpa = require('sherpa-onnx-node') as typeof import('sherpa-onnx-node');
  // the config of ../shared/models/README.md ("Speaker diarization"): its threshold 0.4 was tuned on m01–m03
  const sd = new sherpa.OfflineSpeakerDiarization({
    segmentation: { pyannote: { model: segmentation ?? '' }, numThreads: 2, debug: 0 },
    embedding: { model: embedding ?? '', numThreads: 2, debug: 0 },
    clustering: { numClusters: -1, threshold: 0.4 },
    minDurationOn: 0.3,
    minDurationOff: 1.0,
  });
  // the plain pipeline needs the whole recording as one float array
  const pcm = new PcmFile(pcmPath ?? '');
  const samples = pcm.read(0, pcm.samples);
  pcm.close();
  return sd.process(samples).map((s) => ({ start: s.start, end: s.end, speaker: `spk${s.speaker}` }));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  // ours: the path the app takes (VAD and segmentation, embedding batches and clustering in child processes)
  const turns =
    mode === 'sherpa'
      ? plainSherpa()
      : (
          await diarizeInChild({
            pcmPath: pcmPath ?? '',
            embeddingModel: embedding ?? '',
            segmentationModel: segmentation ?? '',
            vadModel: vad ?? '',
          })
        ).turns;
  writeFileSync(out ?? '', JSON.stringify({ turns, seconds: (performance.now() - t0) / 1000 }));
}

void main();
