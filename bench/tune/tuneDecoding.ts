import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_RATE } from '../../native/audio/wavHeader';
import { assembleTranscript } from '../../native/engine/assembleTranscript';
import { decodeStage } from '../../native/engine/decodeStage';
import { planPieces } from '../../native/engine/planPieces';
import { applyTermCorrections } from '../../native/pipeline/termCorrections';
import { loadTokenizer } from '../../native/dictionary/loadTokenizer';
import type { Transcript } from '../../native/common/transcript';
import { buildPrompt } from './buildPrompt';
import { parseTermFile } from '../../native/dictionary/parseTermFile';
import type { TermEntry } from '../../native/dictionary/termEntry';
import { termRecall } from '../../native/dictionary/termRecall';
import { corpusDir } from '../../native/eval/corpus';
import { characterErrorRate } from '../../native/eval/characterErrorRate';
import { corpusHalves } from '../../native/eval/corpusHalves';
import { lostUtterances } from '../../native/eval/lostUtterances';
import { defaultModel } from '../../native/models/findModels';
import { decodeFor } from '../../native/engine/decodeFor';
import { DEFAULT_COVERAGE, type CoverageSettings } from '../../native/engine/coverage';
import type { DecodeOptions } from '../../native/whisper/decodeOptions';
import { findWhisperCli } from '../../native/whisper/findWhisperCli';
import { parseWhisperJson } from '../../native/whisper/parseWhisperJson';
import { configDir, DAY, prepare, type PreparedRecording } from './tuneCache';

/**
 * Decoding experiments on the corpus halves: `node dist/bench/tune/tuneDecoding.js CONFIG[,CONFIG…] [tune|check|all|DAY|name,…]`.
 * Every decode is cached (tuneCache.ts), so re-scoring costs nothing. Prints CER, utterances lost and
 * decode seconds per file, and the mean per half. CONFIG `bare` is whisper-cli with its defaults on the whole file.
 */
interface Config {
  decode: Partial<DecodeOptions>;
  plan?: { padS: number; maxPieceS: number; lookbackS: number };
  /** the prompt built per recording from its title (what a clerk types as 会議体) and, with 'terms', the joined term list */
  steer?: 'title' | 'title+terms';
  /** term corrections after decoding, with the joined term list */
  correct?: boolean;
  /** coverage settings other than the engine's (holes are then decoded in a folder of their own; main pieces are shared) */
  coverage?: Partial<CoverageSettings>;
}

const NEUTRAL = '議会の会議録です。ただいまから本日の会議を開きます。';
const BEAM5 = { beamSize: 5, bestOf: 5 };
const CONFIGS: Record<string, Config> = {
  today: { decode: { prompt: '港区議会の会議録です。ただいまから本日の会議を開きます。', beamSize: 1, bestOf: 1 } },
  g_neutral: { decode: { prompt: NEUTRAL, dtw: 'base', beamSize: 1, bestOf: 1 } },
  g_none: { decode: { prompt: '', dtw: 'base', beamSize: 1, bestOf: 1 } },
  b5_neutral: { decode: { prompt: NEUTRAL, dtw: 'base', ...BEAM5 } },
  b5_none: { decode: { prompt: '', dtw: 'base', ...BEAM5 } },
  b5_neutral_tpi2: { decode: { prompt: NEUTRAL, dtw: 'base', ...BEAM5, temperatureInc: 0.2 } },
  b5_none_fix: { decode: { prompt: '', dtw: 'base', ...BEAM5 }, correct: true },
  /** what the engine does by default: its decoding, and the term list corrected after */
  final: { decode: {}, correct: true },
  fine300: { decode: {}, correct: true, coverage: { slackMs: 300, minHoleMs: 600 } },
  fine250: { decode: {}, correct: true, coverage: { slackMs: 250, minHoleMs: 450 } },
  b5_title: { decode: { dtw: 'base', ...BEAM5 }, steer: 'title' },
  b5_title_fix: { decode: { dtw: 'base', ...BEAM5 }, steer: 'title', correct: true },
  b5_terms_fix: { decode: { dtw: 'base', ...BEAM5 }, steer: 'title+terms', correct: true },
};

const PLAN = { padS: 0.3, maxPieceS: 29.5, lookbackS: 10 };
const THREADS = 2;

interface Score {
  file: string;
  config: string;
  cer: number;
  lost: number;
  utterances: number;
  seconds: number;
  recall?: number;
  plainCer?: number;
}

async function runConfig(rec: PreparedRecording, name: string, model: string): Promise<Score> {
  if (name === 'bare') return runBare(rec, model);
  const config = CONFIGS[name];
  if (!config) throw new Error(`unknown config ${name}`);
  const plan = config.plan ?? PLAN;
  const decode: DecodeOptions = decodeFor(model, { threads: THREADS, ...config.decode });
  if (config.steer)
    decode.prompt = buildPrompt({ entries: config.steer === 'title+terms' ? termList() : [], body: title(rec.name), maxTokens: 224 });
  const dir = configDir(rec, { decode, plan, engine: 'v1', ...(config.coverage ? { coverage: config.coverage } : {}) });
  if (config.coverage) shareMainPieces(configDir(rec, { decode, plan, engine: 'v1' }), dir);
  const pieces = planPieces(rec.regions, rec.samples, {
    pad: Math.round(plan.padS * SAMPLE_RATE),
    maxPiece: Math.round(plan.maxPieceS * SAMPLE_RATE),
    lookback: Math.round(plan.lookbackS * SAMPLE_RATE),
  });
  const timing = join(dir, 'seconds.json');
  const t0 = performance.now();
  const cpu0 = childCpuS();
  const results = await decodeStage(
    { jobDir: dir, pcmPath: rec.pcmPath, binary: findWhisperCli().path, model },
    pieces,
    { regions: rec.regions, heard: rec.speech },
    { decode, perChunk: 40, coverage: { ...DEFAULT_COVERAGE, ...config.coverage } },
  );
  const fresh = (performance.now() - t0) / 1000;
  if (!existsSync(timing) || fresh > 5) writeFileSync(timing, JSON.stringify({ wall: fresh, cpu: childCpuS() - cpu0 }));
  const seconds = readSeconds(timing);
  const { segments } = assembleTranscript(results);
  if (!config.correct) return score(rec, name, segments, seconds);
  const fixed = applyTermCorrections({ segments } as unknown as Transcript, termList(), await loadTokenizer());
  const plain = score(rec, name, segments, seconds);
  const row = score(rec, name, fixed.segments, seconds);
  const recall = termRecall(rec.reference.map((x) => x.text).join(''), fixed.segments.map((x) => x.text).join(''), termList());
  return { ...row, plainCer: plain.cer, recall: round(recall.recall) };
}

/** Links the main reading's pieces of `from` into `to`: another coverage setting decodes only its own holes. */
function shareMainPieces(from: string, to: string): void {
  for (const f of readdirSync(join(from, 'pieces')).filter((x) => /^p\d+\.json$/.test(x))) {
    const target = join(to, 'pieces', f);
    if (!existsSync(target)) linkSync(join(from, 'pieces', f), target);
  }
}

let terms: TermEntry[] | null = null;
/** the corpus term lists joined, as one council list */
function termList(): TermEntry[] {
  if (!terms) {
    const dir = corpusDir() ?? '';
    terms = ['dictionary.tsv', 'dictionary_more.tsv'].flatMap((f) => parseTermFile(readFileSync(join(dir, f)), f).entries);
  }
  return terms;
}

function title(name: string): string {
  return (JSON.parse(readFileSync(join(corpusDir() ?? '', name, 'reference.json'), 'utf8')) as { title?: string }).title ?? '';
}

function score(
  rec: PreparedRecording,
  config: string,
  segments: { start: number; end: number; text: string; unheard?: boolean }[],
  seconds: number,
): Score {
  const text = segments.map((s) => s.text).join('');
  return {
    file: rec.name,
    config,
    cer: round(characterErrorRate(rec.reference.map((s) => s.text).join(''), text)),
    lost: lostUtterances(rec.reference, segments).length,
    utterances: rec.reference.length,
    seconds: round(seconds),
  };
}

function runBare(rec: PreparedRecording, model: string): Score {
  const wav = join(rec.dir, 'audio.wav');
  if (!existsSync(wav)) {
    const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 's16le', '-ar', '16000', '-ac', '1', '-i', rec.pcmPath, wav]);
    if (r.status !== 0) throw new Error(r.stderr.toString());
  }
  const out = join(rec.dir, 'bare');
  const timing = join(rec.dir, 'bare.seconds.json');
  if (!existsSync(`${out}.json`) || !existsSync(timing)) {
    const t0 = performance.now();
    const cpu0 = childCpuS();
    const r = spawnSync(findWhisperCli().path, ['-m', model, '-l', 'ja', '-t', String(THREADS), '-ojf', '-f', wav, '-of', out], {
      env: { ...process.env, GOMP_SPINCOUNT: '300' },
    });
    if (r.status !== 0) throw new Error(r.stderr.toString().slice(-500));
    writeFileSync(timing, JSON.stringify({ wall: (performance.now() - t0) / 1000, cpu: childCpuS() - cpu0 }));
  }
  const segments = parseWhisperJson(readFileSync(`${out}.json`)).map((s) => ({
    start: s.startMs / 1000,
    end: s.endMs / 1000,
    text: s.text,
  }));
  return score(rec, 'bare', segments, readSeconds(timing));
}

/** CPU seconds of the children this process has waited for (Linux /proc): the work, whatever else the machine runs. */
function childCpuS(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** CPU seconds of a cached timing (older files hold the wall time alone). */
function readSeconds(path: string): number {
  const t = JSON.parse(readFileSync(path, 'utf8')) as number | { wall: number; cpu: number };
  return typeof t === 'number' ? t : t.cpu;
}

async function main(): Promise<void> {
  const [configArg = 'today', which = 'tune'] = process.argv.slice(2);
  const model = process.env['GIJIROKU_MODEL'] ?? defaultModel()?.path;
  if (!model) throw new Error('no model');
  const halves = corpusHalves();
  const files =
    which === 'tune'
      ? halves.tune
      : which === 'check'
        ? halves.check
        : which === 'all'
          ? [...halves.tune, ...halves.check]
          : which === 'day'
            ? [DAY]
            : which.split(',');
  const rows: Score[] = [];
  for (const file of files) {
    const rec = await prepare(file);
    for (const c of configArg.split(',')) {
      const s = await runConfig(rec, c, model);
      rows.push(s);
      console.log(
        [
          s.file.padEnd(26),
          s.config.padEnd(20),
          s.cer.toFixed(3),
          `lost ${s.lost}/${s.utterances}`,
          `${s.seconds.toFixed(1)} s`,
          s.recall === undefined ? '' : `recall ${s.recall} (CER without the term list ${s.plainCer})`,
        ].join('  '),
      );
    }
  }
  for (const c of configArg.split(',')) {
    for (const [half, names] of Object.entries(halves)) {
      const r = rows.filter((x) => x.config === c && names.includes(x.file));
      if (r.length === 0) continue;
      const mean = r.reduce((a, x) => a + x.cer, 0) / r.length;
      const recalls = r.filter((x) => x.recall !== undefined).map((x) => x.recall ?? 0);
      const plain = r.filter((x) => x.plainCer !== undefined).map((x) => x.plainCer ?? 0);
      console.log(
        `${half.padEnd(6)} ${c.padEnd(20)} mean CER ${mean.toFixed(3)}  lost ${r.reduce((a, x) => a + x.lost, 0)}  ${r.reduce((a, x) => a + x.seconds, 0).toFixed(0)} s` +
          (recalls.length ? `  mean recall ${(recalls.reduce((a, b) => a + b, 0) / recalls.length).toFixed(3)}` : '') +
          (plain.length ? `  mean CER without the term list ${(plain.reduce((a, b) => a + b, 0) / plain.length).toFixed(3)}` : ''),
      );
    }
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
