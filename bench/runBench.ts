import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { characterErrorRate } from '../native/eval/characterErrorRate';
import { corpusDir, loadMeeting, type CorpusMeeting } from '../native/eval/corpus';
import { defaultModel } from '../native/models/findModels';
import {
  BARE_SAME_ARGS, OUR_OPTIONS, ROOT, runBareWhisper, runFasterWhisper, runOurs, setupFasterWhisper, toWav, type EngineRun,
} from './engines';
import { startCpuHog } from './runMeasured';
import { benchDictionary, benchExport } from './dictionaryBench';
import { runDiarizationBench } from './diarizationBench';
import { benchAppend, benchDraftLag, type RecordingBenchRow } from './recordingBench';
import { runSoakBench, soakGrowthPct } from './soakBench';
import { printTable } from './table';

/**
 * `npm run bench`: our engine against bare whisper-cli (same model, threads and
 * decoding options) and faster-whisper (int8, beam 5, same Whisper base weights),
 * in one run on the same machine. Reports ratios: the machine is shared and noisy.
 * One section alone: GIJIROKU_BENCH_FILES=- (no engine, load or dictionary runs) and
 * GIJIROKU_BENCH_SKIP_{FW,EXPORT,DIARIZATION,SOAK,RECORDING,EDITOR}=1 for the others.
 */
const FILES = ['m01_honkaigi_kaikai', 'm02_kosei_hoikuen', 'm03_kotsu_chiibasu', 'long_council_20min'];
const LOAD_FILE = 'm03_kotsu_chiibasu';

interface Row {
  file: string;
  engine: string;
  audio_s: number;
  wall_s: number;
  rtf: number;
  cer: number;
  peak_rss_mb: number;
  recess_chars: number | null;
  punctuation: number;
}

async function main(): Promise<void> {
  const model = process.env['GIJIROKU_MODEL'] ?? defaultModel()?.path;
  if (!model || !corpusDir()) {
    console.error('bench: needs a model (../shared/models or GIJIROKU_MODEL) and the corpus (../shared/corpus)');
    process.exitCode = 1;
    return;
  }
  const out = join(ROOT, 'bench', 'results', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(out, { recursive: true });
  const fw = process.env['GIJIROKU_BENCH_SKIP_FW'] ? null : setupFasterWhisper();
  const rows: Row[] = [];
  const only = process.env['GIJIROKU_BENCH_FILES']?.split(',');
  for (const name of FILES.filter((f) => !only || only.includes(f))) {
    const meeting = loadMeeting(name);
    const wav = join(out, `${name}.wav`);
    toWav(meeting.audio, wav);
    const runs: [string, () => Promise<EngineRun>][] = [
      ['gijiroku', () => runOurs(meeting.audio, model, join(out, `${name}.ours.json`))],
      ['whisper-cli (same options)', () => runBareWhisper(wav, model, join(out, `${name}.bare`), BARE_SAME_ARGS)],
    ];
    if (fw) runs.push(['faster-whisper int8 b5', () => runFasterWhisper(fw, meeting.audio, join(out, `${name}.fw.json`))]);
    for (const [engine, run] of runs) {
      process.stderr.write(`bench: ${name} · ${engine} … `);
      const r = await run();
      process.stderr.write(`${r.wallS.toFixed(1)} s\n`);
      if (r.code !== 0) throw new Error(`${engine} failed on ${name}: ${r.stderr.slice(-500)}`);
      rows.push(scoreRun(name, engine, meeting, r));
    }
  }

  const load: { engine: string; idle_s: number; loaded_s: number; slowdown: number }[] = [];
  if (!only || only.includes(LOAD_FILE)) {
    const meeting = loadMeeting(LOAD_FILE);
    const wav = join(out, `${LOAD_FILE}.wav`);
    const loadRuns: [string, () => Promise<EngineRun>][] = [
      ['gijiroku', () => runOurs(meeting.audio, model, join(out, 'load.ours.json'))],
      ['whisper-cli (same options)', () => runBareWhisper(wav, model, join(out, 'load.bare'), BARE_SAME_ARGS)],
    ];
    if (fw) loadRuns.push(['faster-whisper int8 b5', () => runFasterWhisper(fw, meeting.audio, join(out, 'load.fw.json'))]);
    for (const [engine, run] of loadRuns) {
      process.stderr.write(`bench: ${LOAD_FILE} · ${engine} beside a CPU-bound process … `);
      const stop = startCpuHog();
      const r = await run().finally(stop);
      process.stderr.write(`${r.wallS.toFixed(1)} s\n`);
      const idle = rows.find((x) => x.file === LOAD_FILE && x.engine === engine)?.wall_s ?? NaN;
      load.push({ engine, idle_s: idle, loaded_s: round(r.wallS, 2), slowdown: round(r.wallS / idle, 2) });
    }
  }

  const dictionary = FILES.slice(0, 3).every((f) => !only || only.includes(f)) ? await benchDictionary(model, out) : [];
  const exportS = process.env['GIJIROKU_BENCH_SKIP_EXPORT'] ? null : await benchExport(out);
  const diarization = process.env['GIJIROKU_BENCH_SKIP_DIARIZATION'] ? []
    : await runDiarizationBench();
  const soak = process.env['GIJIROKU_BENCH_SKIP_SOAK'] ? []
    : await runSoakBench(process.env['GIJIROKU_BENCH_SOAK_FILE'] ?? loadMeeting('long_council_20min').audio, model);
  const recording = process.env['GIJIROKU_BENCH_SKIP_RECORDING'] ? [] : await runRecording(model);

  const modelMb = statSync(model).size / 1e6;
  const summary = summarise(rows, modelMb);
  for (const d of dictionary) {
    summary.push({ target: `${d.file}: term recall ≥ 95 % with the dictionary, CER not worse`, value: `${d.recall_with} (without ${d.recall_without}), CER ${d.cer_with} vs ${d.cer_without}`,
      met: yes(d.recall_with >= 0.95 && d.cer_with <= d.cer_without) });
  }
  if (exportS !== null) summary.push({ target: 'export of a 3,000-turn meeting to .docx < 3 s', value: `${exportS} s`, met: yes(exportS < 3) });
  for (const d of diarization.filter((r) => r.pipeline === 'gijiroku')) {
    summary.push({ target: `${d.file}: diarization DER ≤ 0.10, right speaker count, ≤ 0.10× audio`, value: `${d.der}, ${d.found} of ${d.true_speakers}, ${d.x_audio}×`,
      met: yes(d.der <= 0.1 && d.found === d.true_speakers && d.x_audio <= 0.1) });
  }
  const growth = soakGrowthPct(soak);
  if (growth !== null) {
    const [first, last] = [soak[0], soak.at(-1)];
    summary.push({ target: `soak: ${soak.length} × ${first?.file} in one app process, app peak RSS growth job 1 → ${soak.length} ≤ 5 %`,
      value: `${first?.app_peak_rss_mb} → ${last?.app_peak_rss_mb} MB (${growth >= 0 ? '+' : ''}${growth} %), tree peak ≤ ${Math.max(...soak.map((r) => r.tree_peak_rss_mb))} MB`,
      met: yes(growth <= 5 && soak.every((r) => r.state === 'done')) });
  }
  for (const r of recording.filter((x) => /^RSS|^draft lag/.test(x.measure))) summary.push({ target: `recording: ${r.measure} (measured, no target)`, value: r.value, met: '–' });
  printTable('Speech engine (2 threads; RTF = wall / audio; CER after removing punctuation, width and number style)', rows);
  printTable('Under load (same file, one competing CPU-bound process)', load);
  printTable('Term dictionary (../shared/corpus/dictionary.tsv; recall = dictionary terms of the reference written exactly)', dictionary);
  printTable('Recording (append path, RSS, live draft lag)', recording);
  printTable('Targets', summary);
  console.log(`\nOptions: ours and bare whisper-cli: ${BARE_SAME_ARGS.join(' ')}; faster-whisper: int8, beam 5, its defaults.`);
  const result = { date: new Date().toISOString(), model, model_mb: round(modelMb, 1), options: OUR_OPTIONS, rows, load, dictionary, export_s: exportS, diarization, soak, recording, summary };
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nsaved ${join(out, 'bench.json')}`);

  // the editor's numbers (3,000 turns in Chromium) come from their own program
  if (!process.env['GIJIROKU_BENCH_SKIP_EDITOR']) {
    const r = spawnSync(process.execPath, [join(__dirname, 'editorBench.js')], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
}

/**
 * 60 minutes of generated audio through the append path, then the live draft on m01+m02+m03 at
 * real time; GIJIROKU_BENCH_RECORDING_{MINUTES,FILES,SPEED} shorten it (the speed is stated in the row).
 */
async function runRecording(model: string): Promise<RecordingBenchRow[]> {
  const env = process.env;
  const files = env['GIJIROKU_BENCH_RECORDING_FILES']?.split(',') ?? FILES.slice(0, 3);
  process.stderr.write('bench: recording · append … ');
  const rows = await benchAppend(Number(env['GIJIROKU_BENCH_RECORDING_MINUTES'] ?? 60));
  process.stderr.write(`${rows[0]?.value}\nbench: recording · live draft on ${files.join('+')} … `);
  rows.push(...await benchDraftLag(model, files, Number(env['GIJIROKU_BENCH_RECORDING_SPEED'] ?? 1)));
  process.stderr.write('done\n');
  return rows;
}

function scoreRun(file: string, engine: string, m: CorpusMeeting, r: EngineRun): Row {
  const text = r.segments.map((s) => s.text).join('');
  const audio = m.segments.at(-1)?.end ?? 0;
  return {
    file,
    engine,
    audio_s: round(audio, 1),
    wall_s: round(r.wallS, 2),
    rtf: round(r.wallS / audio, 3),
    cer: round(characterErrorRate(m.text, text), 3),
    peak_rss_mb: round(r.peakRssMb, 0),
    recess_chars: file.startsWith('long') ? recessChars(m, r) : null,
    punctuation: (text.match(/[。、]/g) ?? []).length,
  };
}

/** Characters of output whose segment lies inside a recess (a gap of > 15 s between reference turns). */
function recessChars(m: CorpusMeeting, r: EngineRun): number {
  let n = 0;
  for (let i = 1; i < m.segments.length; i++) {
    const a = (m.segments[i - 1]?.end ?? 0) + 1;
    const b = (m.segments[i]?.start ?? 0) - 1;
    if (b - a < 13) continue;
    for (const s of r.segments) if ((s.start + s.end) / 2 > a && (s.start + s.end) / 2 < b) n += s.text.length;
  }
  return n;
}

function summarise(rows: Row[], modelMb: number): { target: string; value: string; met: string }[] {
  const get = (file: string, engine: string): Row | undefined => rows.find((r) => r.file === file && r.engine.startsWith(engine));
  const out: { target: string; value: string; met: string }[] = [];
  const shorts = ['m01_honkaigi_kaikai', 'm02_kosei_hoikuen', 'm03_kotsu_chiibasu'];
  for (const f of shorts) {
    const o = get(f, 'gijiroku');
    const b = get(f, 'whisper-cli');
    const fw = get(f, 'faster-whisper');
    if (o && fw) out.push({ target: `${f}: ours ≤ 0.8× faster-whisper time, CER ≤ its`, value: `${round(o.wall_s / fw.wall_s, 2)}×, CER ${o.cer} vs ${fw.cer}`, met: yes(o.wall_s <= 0.8 * fw.wall_s && o.cer <= fw.cer) });
    if (o && b) out.push({ target: `${f}: ours / bare whisper-cli ≤ 1.05`, value: `${round(o.wall_s / b.wall_s, 2)}`, met: yes(o.wall_s <= 1.05 * b.wall_s) });
  }
  const long = get('long_council_20min', 'gijiroku');
  const shortCers = shorts.map((f) => get(f, 'gijiroku')?.cer).filter((x): x is number => x !== undefined);
  if (long && shortCers.length) {
    const mean = shortCers.reduce((a, b) => a + b, 0) / shortCers.length;
    out.push({ target: 'long meeting: CER within 0.03 of the short files (mean)', value: `${long.cer} vs ${round(mean, 3)}`, met: yes(long.cer <= mean + 0.03) });
    out.push({ target: 'long meeting: no text inside the recesses', value: `${long.recess_chars} chars`, met: yes(long.recess_chars === 0) });
  }
  const maxRss = Math.max(...rows.filter((r) => r.engine === 'gijiroku').map((r) => r.peak_rss_mb));
  if (Number.isFinite(maxRss)) out.push({ target: `peak RSS ≤ model + 400 MB (${round(modelMb + 400, 0)} MB)`, value: `${maxRss} MB`, met: yes(maxRss <= modelMb + 400) });
  return out;
}

const yes = (b: boolean): string => (b ? 'yes' : 'NO');
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
