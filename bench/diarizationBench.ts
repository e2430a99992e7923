import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeToPcm } from '../native/audio/decodeToPcm';
import type { SpeakerTurn } from '../native/common/speakers';
import { corpusDir } from '../native/eval/corpus';
import { buildCorpusDay } from '../native/eval/corpusDay';
import { diarizationErrorRate } from '../native/eval/diarizationErrorRate';
import { parseRttm } from '../native/eval/rttm';
import { findSpeakerModels, findVadModel } from '../native/models/findModels';
import { voicesOfCorpus } from './corpusVoices';
import { diarizationHalves } from './diarizationTuning';
import { runMeasured } from './runMeasured';
import { printTable } from './table';

export interface DiarizationRow {
  file: string;
  /** the corpus half (settings are tuned on 'tune'), or 'long' for a day built from every meeting */
  half: 'tune' | 'check' | 'long';
  pipeline: string;
  true_speakers: number;
  found: number;
  der: number;
  /** a day of meetings: DER with the ids the corpus README says are one voice joined */
  der_by_voice: number | null;
  diarization_s: number;
  x_audio: number;
  peak_rss_mb: number;
}

interface BenchCase {
  file: string;
  half: DiarizationRow['half'];
  /** builds the recording (16 kHz mono, raw s16le or WAV) in `dir`; returns its path and reference */
  make: (dir: string) => Promise<{ audio: string; reference: SpeakerTurn[] }>;
  /** run the plain pipeline too (it holds the whole recording in memory and takes ≈0.25× its length) */
  plain: boolean;
}

const OURS = 'gijiroku';
const PLAIN = 'bare sherpa-onnx (thr 0.4)';

/**
 * Our diarization against the plain sherpa-onnx pipeline (pyannote segmentation +
 * the same CAM++ embeddings, threshold 0.4) on every corpus meeting with a speaker
 * reference (both halves), a day of all of them with 2–3-minute recesses (~45 min,
 * ~40 ids; also scored by voice), and a 2-hour day (every meeting twice, 4-minute
 * recesses: time and memory, one id per voice across recesses). Each run in its own
 * process: time from inside it, peak RSS of its process tree. DER with a 0.25 s collar.
 * GIJIROKU_BENCH_DIARIZATION_LONG=0 leaves out the two days, =only runs them alone; the plain pipeline takes
 * ≈0.25× the audio (an hour on a busy machine for the day), so it runs on the day only with
 * GIJIROKU_BENCH_DIARIZATION_PLAIN_LONG=1.
 */
export async function runDiarizationBench(): Promise<DiarizationRow[]> {
  const models = findSpeakerModels();
  const vad = findVadModel();
  const corpus = corpusDir();
  if (!models.embedding || !models.segmentation || !vad || !corpus) {
    console.error('diarization bench: needs speaker-*.onnx and silero-vad-*.onnx (../shared/models) and the corpus');
    return [];
  }
  const halves = diarizationHalves();
  const all = [...halves.tune, ...halves.check].sort();
  const long = process.env['GIJIROKU_BENCH_DIARIZATION_LONG'] ?? '1';
  const cases: BenchCase[] =
    long === 'only'
      ? []
      : [
          ...all.map((file): BenchCase => ({
            file,
            half: halves.tune.includes(file) ? 'tune' : 'check',
            plain: true,
            make: async (dir) => {
              const audio = join(dir, 'audio.s16le');
              await decodeTo(join(corpus, file, 'audio.flac'), audio);
              return { audio, reference: parseRttm(readFileSync(join(corpus, file, 'reference.rttm'), 'utf8')) };
            },
          })),
        ];
  if (long !== '0') {
    const day =
      (names: string[], recessS?: number[]) =>
      async (dir: string): Promise<{ audio: string; reference: SpeakerTurn[] }> => {
        const built = buildCorpusDay(names, join(dir, 'day.wav'), recessS ? { recessS } : {});
        return { audio: built.wav, reference: built.segments.map((s) => ({ start: s.start, end: s.end, speaker: s.speaker })) };
      };
    cases.push({
      file: `day of ${all.length} meetings`,
      half: 'long',
      plain: process.env['GIJIROKU_BENCH_DIARIZATION_PLAIN_LONG'] === '1',
      make: day(all),
    });
    cases.push({
      file: `2-hour day (${all.length} meetings twice)`,
      half: 'long',
      plain: false,
      make: day([...all, ...all], [240, 210, 270]),
    });
  }
  const voices = voicesOfCorpus();
  const rows: DiarizationRow[] = [];
  for (const c of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'gijiroku-diar-bench-'));
    try {
      const { audio, reference } = await c.make(dir);
      const audioS = (statSync(audio).size - (audio.endsWith('.wav') ? 44 : 0)) / 2 / 16000;
      const byVoice = c.half === 'long' ? reference.map((t) => ({ ...t, speaker: voices[t.speaker] ?? t.speaker })) : null;
      for (const [pipeline, mode] of [
        [OURS, 'ours'],
        [PLAIN, 'sherpa'],
      ] as const) {
        if (mode === 'sherpa' && !c.plain) continue;
        process.stderr.write(`bench: ${c.file} · diarization ${pipeline} … `);
        const out = join(dir, `${mode}.json`);
        const run = await runMeasured(process.execPath, [
          join(__dirname, 'diarizationChild.js'),
          mode,
          audio,
          out,
          models.embedding,
          models.segmentation,
          vad,
        ]);
        if (run.code !== 0) throw new Error(`diarization ${pipeline} failed on ${c.file}: ${run.stderr.slice(-500)}`);
        const result = JSON.parse(readFileSync(out, 'utf8')) as { turns: SpeakerTurn[]; seconds: number };
        process.stderr.write(`${result.seconds.toFixed(1)} s\n`);
        rows.push({
          file: c.file,
          half: c.half,
          pipeline,
          true_speakers: new Set(reference.map((t) => t.speaker)).size,
          found: new Set(result.turns.map((t) => t.speaker)).size,
          der: round(diarizationErrorRate(reference, result.turns, 0.25).der),
          der_by_voice: byVoice ? round(diarizationErrorRate(byVoice, result.turns, 0.25).der) : null,
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
  printTable('Speaker diarization by half (settings tuned on "tune"; mean DER, right voice count)', halfSummary(rows));
  return rows;
}

function halfSummary(rows: DiarizationRow[]): Record<string, string | number>[] {
  const out: Record<string, string | number>[] = [];
  for (const half of ['tune', 'check'] as const) {
    for (const pipeline of [OURS, PLAIN]) {
      const r = rows.filter((x) => x.half === half && x.pipeline === pipeline);
      if (r.length === 0) continue;
      out.push({
        half,
        pipeline,
        meetings: r.length,
        mean_der: round(r.reduce((n, x) => n + x.der, 0) / r.length),
        max_der: Math.max(...r.map((x) => x.der)),
        right_count: `${r.filter((x) => x.found === x.true_speakers).length} of ${r.length}`,
      });
    }
  }
  return out;
}

async function decodeTo(input: string, pcmPath: string): Promise<void> {
  const out = createWriteStream(pcmPath);
  await decodeToPcm(input, {
    onPcm: async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    },
  });
  out.end();
  await once(out, 'close');
}

function round(x: number, d = 3): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}

if (require.main === module) {
  void runDiarizationBench().then((rows) => {
    console.log(JSON.stringify(rows));
  });
}
