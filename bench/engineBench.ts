import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTermFile } from '../native/dictionary/parseTermFile';
import { termRecall } from '../native/dictionary/termRecall';
import { characterErrorRate } from '../native/eval/characterErrorRate';
import { corpusDir, loadMeeting, type ReferenceSegment } from '../native/eval/corpus';
import { buildCorpusDay } from '../native/eval/corpusDay';
import { corpusHalves } from '../native/eval/corpusHalves';
import { lostUtterances } from '../native/eval/lostUtterances';
import { recessChars, worstRepeat, type ScoredSegment } from './engineScore';
import { runBareWhisper, runFasterWhisper, runOurs, THREADS, toWav, type EngineRun, type FasterWhisper } from './engines';

/**
 * The speech-engine section of `npm run bench`: every corpus recording of both halves and a day of
 * meetings built from them, through ours (`gijiroku transcribe`, the meeting title as --body), bare
 * whisper-cli with its defaults on the whole file, and faster-whisper int8 (beam 5, its defaults);
 * then ours with the corpus term lists joined into one council list.
 */
export interface EngineRow {
  half: string;
  file: string;
  engine: string;
  audio_s: number;
  wall_s: number;
  cer: number;
  lost: string;
  peak_rss_mb: number;
  /** day of meetings only */
  recess_chars: number | null;
  /** day of meetings only: the sentence repeated most often beyond the reference, and how often */
  loop: string | null;
}

export interface TermRow {
  half: string;
  file: string;
  cer_without: number;
  cer_with: number;
  recall_without: number;
  recall_with: number;
  terms_in_reference: number;
}

export interface EngineBench {
  rows: EngineRow[];
  terms: TermRow[];
}

interface Recording {
  half: string;
  name: string;
  audio: string;
  wav: string;
  segments: ReferenceSegment[];
  text: string;
  /** what a clerk types as the meeting's 会議体/title; '' for the day (several councils) */
  body: string;
  recesses: { start: number; end: number }[] | null;
}

export const DAY = 'day_of_meetings';

export async function runEngineBench(model: string, out: string, fw: FasterWhisper | null, only: string[] | null): Promise<EngineBench> {
  const halves = corpusHalves();
  const recordings: Recording[] = [];
  for (const [half, names] of [
    ['tune', halves.tune],
    ['check', halves.check],
  ] as const) {
    for (const name of names.filter((n) => !only || only.includes(n))) {
      const m = loadMeeting(name);
      const wav = join(out, `${name}.wav`);
      toWav(m.audio, wav);
      const title = (JSON.parse(readFileSync(join(corpusDir() ?? '', name, 'reference.json'), 'utf8')) as { title?: string }).title ?? '';
      recordings.push({ half, name, audio: m.audio, wav, segments: m.segments, text: m.text, body: title, recesses: null });
    }
  }
  if (!only || only.includes(DAY)) {
    const wav = join(out, `${DAY}.wav`);
    const day = buildCorpusDay([...halves.tune, ...halves.check].filter((n) => /^m\d/.test(n)).sort(), wav);
    recordings.push({ half: 'day', name: DAY, audio: wav, wav, segments: day.segments, text: day.text, body: '', recesses: day.recesses });
  }

  const terms = joinedTermList(out);
  const rows: EngineRow[] = [];
  const termRows: TermRow[] = [];
  for (const r of recordings) {
    const body = r.body ? [`--body=${r.body}`] : [];
    const runs: [string, () => Promise<EngineRun>][] = [
      ['gijiroku', () => runOurs(r.audio, model, join(out, `${r.name}.ours.json`), body)],
      ['whisper-cli defaults', () => runBareWhisper(r.wav, model, join(out, `${r.name}.bare`), ['-l', 'ja', '-t', String(THREADS)])],
    ];
    if (fw) runs.push(['faster-whisper int8', () => runFasterWhisper(fw, r.audio, join(out, `${r.name}.fw.json`))]);
    if (terms && r.half !== 'day') {
      runs.push([
        'gijiroku + terms',
        () => runOurs(r.audio, model, join(out, `${r.name}.terms.json`), [...body, '--dictionary', terms.path]),
      ]);
    }
    const texts = new Map<string, string>();
    for (const [engine, run] of runs) {
      process.stderr.write(`bench: ${r.name} · ${engine} … `);
      const result = await run();
      process.stderr.write(`${result.wallS.toFixed(1)} s\n`);
      if (result.code !== 0) throw new Error(`${engine} failed on ${r.name}: ${result.stderr.slice(-500)}`);
      texts.set(engine, result.segments.map((s) => s.text).join(''));
      if (engine !== 'gijiroku + terms') rows.push(scoreRun(r, engine, result));
    }
    if (terms && r.half !== 'day') {
      const without = texts.get('gijiroku') ?? '';
      const withTerms = texts.get('gijiroku + terms') ?? '';
      const before = termRecall(r.text, without, terms.entries);
      const after = termRecall(r.text, withTerms, terms.entries);
      termRows.push({
        half: r.half,
        file: r.name,
        cer_without: round(characterErrorRate(r.text, without)),
        cer_with: round(characterErrorRate(r.text, withTerms)),
        recall_without: round(before.recall),
        recall_with: round(after.recall),
        terms_in_reference: before.expected,
      });
    }
  }
  return { rows, terms: termRows };
}

function scoreRun(r: Recording, engine: string, run: EngineRun): EngineRow {
  const segments = run.segments as ScoredSegment[];
  const text = segments.map((s) => s.text).join('');
  const audio = r.segments.at(-1)?.end ?? 0;
  const repeat = r.recesses ? worstRepeat(r.text, text) : null;
  return {
    half: r.half,
    file: r.name,
    engine,
    audio_s: round(audio, 1),
    wall_s: round(run.wallS, 1),
    cer: round(characterErrorRate(r.text, text)),
    lost: `${lostUtterances(r.segments, segments).length}/${r.segments.length}`,
    peak_rss_mb: Math.round(run.peakRssMb),
    recess_chars: r.recesses ? recessChars(r.recesses, segments) : null,
    loop: repeat ? (repeat.extra > 0 ? `${repeat.sentence.slice(0, 12)}… +${repeat.extra}` : 'none') : null,
  };
}

/** The corpus term lists (each written for some of the meetings) joined into one list, as a council keeps one. */
function joinedTermList(out: string): { path: string; entries: ReturnType<typeof parseTermFile>['entries'] } | null {
  const dir = corpusDir();
  if (!dir) return null;
  const lists = ['dictionary.tsv', 'dictionary_more.tsv'].map((f) =>
    readFileSync(join(dir, f), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/),
  );
  const [header, ...rows] = lists.flatMap((lines, i) => (i === 0 ? lines : lines.slice(1)));
  const path = join(out, 'terms.tsv');
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
  return { path, entries: parseTermFile(readFileSync(path), path).entries };
}

/** Per half: mean CER, utterances lost, time against bare whisper-cli and faster-whisper. */
export function engineSummary(rows: EngineRow[]): object[] {
  const out: object[] = [];
  for (const half of ['tune', 'check', 'day']) {
    const of = (engine: string): EngineRow[] => rows.filter((r) => r.half === half && r.engine === engine);
    const ours = of('gijiroku');
    if (ours.length === 0) continue;
    for (const engine of ['gijiroku', 'whisper-cli defaults', 'faster-whisper int8']) {
      const list = of(engine);
      if (list.length === 0) continue;
      const lost = list.reduce((n, r) => n + Number(r.lost.split('/')[0]), 0);
      const total = list.reduce((n, r) => n + Number(r.lost.split('/')[1]), 0);
      out.push({
        half,
        engine,
        files: list.length,
        mean_cer: round(mean(list.map((r) => r.cer))),
        lost: `${lost}/${total}`,
        wall_s: round(
          list.reduce((n, r) => n + r.wall_s, 0),
          1,
        ),
        time_vs_ours: round(list.reduce((n, r) => n + r.wall_s, 0) / ours.reduce((n, r) => n + r.wall_s, 0), 2),
      });
    }
  }
  return out;
}

const mean = (xs: number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
