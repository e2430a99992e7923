// The clerk's hour (issue 15), its own section of `npm run bench`: per corpus file and per half,
// (a) CER, (b) error recall of the 要確認 marks, (c) audio covered by them padded 0.5 s and merged,
// (d) modelled review-pass minutes per meeting hour, (e) residual CER, (f) the full-listen clerk;
// the same for the marks of before (p < 0.5) and for marks on exactly the wrong words (what no marks can beat),
// and the targets.
//   node dist/bench/clerkBench.js [FOLDER...]      engine JSONs given (GIJIROKU_BENCH_CLERK_JSON=DIR,DIR too)
//   node dist/bench/clerkBench.js                  transcribes every corpus meeting of both halves first
// Words without a doubt level are scored with the committed model (native/doubt/doubtWeights.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOW_P } from '../native/common/doubtStretches';
import type { Transcript } from '../native/common/transcript';
import { loadTokenizer } from '../native/dictionary/loadTokenizer';
import { DOUBT_MODEL, scoreDoubt } from '../native/doubt/scoreDoubt';
import { clerkMeasures, pooledMeasures, type ClerkMeasures } from '../native/eval/clerkMinutes';
import { loadMeeting } from '../native/eval/corpus';
import { corpusHalves } from '../native/eval/corpusHalves';
import { defaultModel } from '../native/models/findModels';
import { chargesOf, durationOf, measuresByDoubt, readEngineOutputs, type EngineOutput } from './clerkData';
import { measureRow } from './doubtThresholds';
import { ROOT, runOurs } from './engines';
import { printTable } from './table';

export const TARGETS = { recall: 0.75, coverage: 0.35, timeRatio: 0.7, residualCer: 0.05 };

/** marks: the 要確認 words; before: p < 0.5 as the editor marked until now; oracle: exactly the words that hold an error (the bound for any marks) */
interface Scored {
  output: EngineOutput;
  marks: ClerkMeasures;
  before: ClerkMeasures;
  oracle: ClerkMeasures;
}

export async function runClerkBench(
  model: string,
  out: string,
  folders = process.env['GIJIROKU_BENCH_CLERK_JSON']?.split(',') ?? [],
): Promise<object> {
  const dir = join(out, 'clerk');
  mkdirSync(dir, { recursive: true });
  if (folders.length === 0) folders = [await transcribeCorpus(model, dir)];
  const tokenizer = await loadTokenizer();
  const scored: Scored[] = readEngineOutputs(folders)
    .filter((o) => o.half !== 'neither')
    .map((output) => {
      const hasLevels = output.transcript.segments.every((s) => s.tokens.every((t) => t.doubtLevel !== undefined));
      const transcript: Transcript = hasLevels ? output.transcript : scoreDoubt(output.transcript, { tokenizer });
      const o = { ...output, transcript };
      const charges = chargesOf(o);
      const before = clerkMeasures(
        charges,
        (u) => u.token >= 0 && transcript.segments[u.segment]!.tokens[u.token]!.p < LOW_P,
        durationOf(o),
      );
      const oracle = clerkMeasures(charges, (_, i) => charges.unitErrors[i]! > 0, durationOf(o));
      return { output: o, marks: measuresByDoubt(o, charges), before, oracle };
    });

  const rows: object[] = [];
  const summary: object[] = [];
  const pooled: Record<string, { marks: ClerkMeasures; before: ClerkMeasures; oracle: ClerkMeasures }> = {};
  for (const half of ['tune', 'check'] as const) {
    const inHalf = scored.filter((s) => s.output.half === half);
    if (inHalf.length === 0) continue;
    for (const s of inHalf) rows.push(measureRow(s.output.file, half, s.marks));
    const marks = pooledMeasures(inHalf.map((s) => s.marks));
    const before = pooledMeasures(inHalf.map((s) => s.before));
    const oracle = pooledMeasures(inHalf.map((s) => s.oracle));
    pooled[half] = { marks, before, oracle };
    rows.push(
      measureRow(`all ${half} (要確認)`, half, marks),
      measureRow(`all ${half} (before: p < ${LOW_P})`, half, before),
      measureRow(`all ${half} (bound: exactly the wrong words)`, half, oracle),
    );
    summary.push(
      {
        target: `${half}: marks catch ≥ ${pct(TARGETS.recall)} of error characters at ≤ ${pct(TARGETS.coverage)} of the audio`,
        value: `${pct(marks.errorRecall)} at ${pct(marks.coverage)} (before: ${pct(before.errorRecall)} at ${pct(before.coverage)})`,
        met: yes(marks.errorRecall >= TARGETS.recall && marks.coverage <= TARGETS.coverage),
      },
      {
        target: `${half}: review-pass clerk time ≤ ${TARGETS.timeRatio} × full listen, residual CER ≤ ${TARGETS.residualCer}`,
        value: `${r2(marks.reviewMinutesPerHour / marks.fullListenMinutesPerHour)} × (${r1(marks.reviewMinutesPerHour)} vs ${r1(marks.fullListenMinutesPerHour)} min/h), residual ${r3(marks.residualCer)}`,
        met: yes(
          marks.reviewMinutesPerHour <= TARGETS.timeRatio * marks.fullListenMinutesPerHour && marks.residualCer <= TARGETS.residualCer,
        ),
      },
    );
  }
  const trained = DOUBT_MODEL.trained;
  printTable(
    `Clerk minutes per meeting hour (要確認 at p(error) ≥ ${DOUBT_MODEL.thresholds.check}; model of ${trained.date}, weights from the tune half)`,
    rows,
  );
  printTable('Clerk targets (issue 15)', summary);
  const result = { date: new Date().toISOString(), folders, model: { thresholds: DOUBT_MODEL.thresholds, trained }, rows, pooled, summary };
  writeFileSync(join(ROOT, 'bench', 'results', 'clerk-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** Our engine on every meeting of both halves, as the app runs it (speakers on), into `dir`. */
async function transcribeCorpus(model: string, dir: string): Promise<string> {
  const halves = corpusHalves();
  for (const name of [...halves.tune, ...halves.check]) {
    process.stderr.write(`bench: clerk · ${name} … `);
    const r = await runOurs(loadMeeting(name).audio, model, join(dir, `${name}.json`), ['--speakers', 'auto']);
    process.stderr.write(`${r.wallS.toFixed(1)} s\n`);
    if (r.code !== 0) throw new Error(`gijiroku failed on ${name}: ${r.stderr.slice(-500)}`);
  }
  return dir;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const yes = (b: boolean) => (b ? 'yes' : 'NO');

if (require.main === module) {
  const model = process.env['GIJIROKU_MODEL'] ?? defaultModel()?.path ?? '';
  const folders = process.argv.slice(2);
  runClerkBench(
    model,
    join(ROOT, 'bench', 'results', new Date().toISOString().replace(/[:.]/g, '-')),
    folders.length ? folders : undefined,
  ).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
