import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeToPcm } from '../native/audio/decodeToPcm';
import type { SpeakerTurn } from '../native/common/speakers';
import { corpusDir } from '../native/eval/corpus';
import { diarizationErrorRate } from '../native/eval/diarizationErrorRate';
import { parseRttm } from '../native/eval/rttm';
import { findSpeakerModels, findVadModel } from '../native/models/findModels';
import { runMeasured } from './runMeasured';
import { printTable } from './table';

export interface DiarizationRow {
  file: string;
  pipeline: string;
  true_speakers: number;
  found: number;
  der: number;
  /** long_council_20min: DER with its ids joined into the voices the corpus README says are one */
  der_by_voice: number | null;
  diarization_s: number;
  x_audio: number;
  peak_rss_mb: number;
}

/** long_council_20min reuses voices across its meetings (corpus README, "Voices"). */
const SAME_VOICE: Record<string, string> = {
  'm02_kosei_hoikuen:hoikukacho': 'm01_honkaigi_kaikai:kucho',
  'm02_kosei_hoikuen:suzuki': 'm01_honkaigi_kaikai:jimukyokucho',
};

export const DIARIZATION_FILES = ['m01_honkaigi_kaikai', 'm02_kosei_hoikuen', 'm03_kotsu_chiibasu'];

/**
 * Our diarization against the plain sherpa-onnx pipeline (pyannote segmentation +
 * the same CAM++ embeddings) on the same files in the same run; each in its own
 * process (time from inside it, peak RSS of its process tree). DER with a 0.25 s collar.
 */
export async function runDiarizationBench(files: string[] = DIARIZATION_FILES): Promise<DiarizationRow[]> {
  const models = findSpeakerModels();
  const vad = findVadModel();
  const corpus = corpusDir();
  if (!models.embedding || !models.segmentation || !vad || !corpus) {
    console.error('diarization bench: needs speaker-*.onnx and silero-vad-*.onnx (../shared/models) and the corpus');
    return [];
  }
  const rows: DiarizationRow[] = [];
  for (const file of files) {
    const dir = mkdtempSync(join(tmpdir(), 'gijiroku-diar-bench-'));
    try {
      const pcm = join(dir, 'audio.s16le');
      await decodeTo(join(corpus, file, 'audio.flac'), pcm);
      const audioS = statSync(pcm).size / 2 / 16000;
      const reference = parseRttm(readFileSync(join(corpus, file, 'reference.rttm'), 'utf8'));
      for (const [pipeline, mode] of [['gijiroku', 'ours'], ['bare sherpa-onnx (thr 0.4)', 'sherpa']] as const) {
        process.stderr.write(`bench: ${file} · diarization ${pipeline} … `);
        const out = join(dir, `${mode}.json`);
        const run = await runMeasured(process.execPath,
          [join(__dirname, 'diarizationChild.js'), mode, pcm, out, models.embedding, models.segmentation, vad]);
        if (run.code !== 0) throw new Error(`diarization ${pipeline} failed on ${file}: ${run.stderr.slice(-500)}`);
        const result = JSON.parse(readFileSync(out, 'utf8')) as { turns: SpeakerTurn[]; seconds: number };
        process.stderr.write(`${result.seconds.toFixed(1)} s\n`);
        const byVoice = file === 'long_council_20min'
          ? diarizationErrorRate(reference.map((t) => ({ ...t, speaker: SAME_VOICE[t.speaker] ?? t.speaker })), result.turns).der : null;
        rows.push({
          file, pipeline,
          true_speakers: new Set(reference.map((t) => t.speaker)).size,
          found: new Set(result.turns.map((t) => t.speaker)).size,
          der: round(diarizationErrorRate(reference, result.turns, 0.25).der),
          der_by_voice: byVoice === null ? null : round(byVoice),
          diarization_s: round(result.seconds, 1),
          x_audio: round(result.seconds / audioS),
          peak_rss_mb: round(run.peakRssMb, 0),
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable('Speaker diarization (DER, 0.25 s collar; ×audio = diarization time / audio time, 2 threads)', rows);
  return rows;
}

async function decodeTo(input: string, pcmPath: string): Promise<void> {
  const out = createWriteStream(pcmPath);
  await decodeToPcm(input, { onPcm: async (chunk) => { if (!out.write(chunk)) await once(out, 'drain'); } });
  out.end();
  await once(out, 'close');
}

function round(x: number, d = 3): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}

if (require.main === module) {
  const files = process.argv.slice(2);
  void runDiarizationBench(files.length > 0 ? files : DIARIZATION_FILES).then((rows) => {
    console.log(JSON.stringify(rows));
  });
}
