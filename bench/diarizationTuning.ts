// Cross-validation of the diarization settings, with every expensive step cached on disk
// (GIJIROKU_DIAR_CACHE, default ~/.cache/gijiroku-diar): PCM, VAD regions, segmentation runs and
// embeddings are computed once per recording and plan; trying a clustering setting then costs
// milliseconds. Usage (after `npx tsc -p .`):
//   node dist/bench/diarizationTuning.js threshold=0.78,0.81,0.84 minClusterS=4,8
//   node dist/bench/diarizationTuning.js --long threshold=0.81,0.9      (the day-of-meetings cases)
//   node dist/bench/diarizationTuning.js --told | --hint                (the true count told, or given as the roster's size)
//   node dist/bench/diarizationTuning.js --short turnMargin=0.05,0.1    (constructed short turns: separated, by length)
// Prints DER (0.25 s collar) per meeting of the tune and the check half and their means; a value
// with several settings is a grid. Settings are chosen on the tune half and reported on the check half.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { SpeakerTurn } from '../native/common/speakers';
import { clusterWindows, DEFAULT_DIARIZE, type DiarizeSettings, type EmbeddedSpeech, type SpeakerCount } from '../native/diarize/diarize';
import { embedWindows, findShortTurns, voicingOfWindows } from '../native/diarize/embedWindows';
import { planRefinement, planWindows, type DiarizeWindow } from '../native/diarize/planWindows';
import { segmentPcm, type Segmentation } from '../native/diarize/segmentSpeakers';
import { speechRegionsFromPcm } from '../native/diarize/speechRegionsFromPcm';
import { corpusDir } from '../native/eval/corpus';
import { buildCorpusDay } from '../native/eval/corpusDay';
import { corpusHalves } from '../native/eval/corpusHalves';
import { diarizationErrorRate } from '../native/eval/diarizationErrorRate';
import { parseRttm } from '../native/eval/rttm';
import { findSpeakerModels, findVadModel } from '../native/models/findModels';
import type { SpeechRegion } from '../native/vad/detectSpeech';
import { voicesOfCorpus } from './corpusVoices';
import { buildShortTurnCase, idOver, shortTurnCases, type ShortTurnCase } from './shortTurnCases';

export const CACHE = process.env['GIJIROKU_DIAR_CACHE'] ?? join(homedir(), '.cache', 'gijiroku-diar');

/** A recording to score: its 16 kHz PCM and reference turns (and, for a day, the reference by voice). */
export interface Recording {
  name: string;
  pcm: string;
  reference: SpeakerTurn[];
  byVoice: SpeakerTurn[] | null;
}

/** Meetings of the corpus with a speaker reference, by half. */
export function diarizationHalves(): { tune: string[]; check: string[] } {
  const dir = corpusDir() ?? '';
  const halves = corpusHalves();
  const scored = (n: string): boolean => existsSync(join(dir, n, 'reference.rttm'));
  return { tune: halves.tune.filter(scored), check: halves.check.filter(scored) };
}

export function corpusRecording(name: string): Recording {
  const dir = corpusDir() ?? '';
  const pcm = join(CACHE, `${name}.s16le`);
  if (!existsSync(pcm)) decode(join(dir, name, 'audio.flac'), pcm);
  return { name, pcm, reference: parseRttm(readFileSync(join(dir, name, 'reference.rttm'), 'utf8')), byVoice: null };
}

/** A day of meetings (native/eval/corpusDay) with 2–3-minute recesses; scored by id and by voice (the corpus README's voice tables). */
export function dayRecording(name: string, meetings: string[]): Recording {
  mkdirSync(CACHE, { recursive: true });
  const pcm = join(CACHE, `${name}.s16le`);
  const refPath = join(CACHE, `${name}.ref.json`);
  if (!existsSync(pcm) || !existsSync(refPath)) {
    const wav = join(CACHE, `${name}.wav`);
    const day = buildCorpusDay(meetings, wav);
    decode(wav, pcm);
    writeFileSync(refPath, JSON.stringify(day.segments.map((s) => ({ start: s.start, end: s.end, speaker: s.speaker }))));
  }
  const reference = JSON.parse(readFileSync(refPath, 'utf8')) as SpeakerTurn[];
  const voices = voicesOfCorpus();
  return { name, pcm, reference, byVoice: reference.map((t) => ({ ...t, speaker: voices[t.speaker] ?? t.speaker })) };
}

/** A constructed short turn (shortTurnCases.ts); its reference is the four parts, labelled y, x, b (the short turn, y's voice) and x. */
export function shortTurnRecording(c: ShortTurnCase): Recording {
  mkdirSync(CACHE, { recursive: true });
  const name = `short-${c.meeting}-${c.b.start.toFixed(2)}`;
  const pcm = join(CACHE, `${name}.s16le`);
  const refPath = join(CACHE, `${name}.ref.json`);
  if (!existsSync(pcm) || !existsSync(refPath)) {
    const parts = buildShortTurnCase(c, pcm);
    writeFileSync(refPath, JSON.stringify([parts.y, parts.x1, { ...parts.b, speaker: 'y' }, parts.x2]));
  }
  return { name, pcm, reference: JSON.parse(readFileSync(refPath, 'utf8')) as SpeakerTurn[], byVoice: null };
}

/** Did the short turn (the third part) get the voice of the first, and the parts around it theirs? */
export function shortTurnSeparated(reference: SpeakerTurn[], turns: SpeakerTurn[]): boolean {
  const [y, x1, b, x2] = reference.map((part) => idOver(turns, part));
  // x's second half may come out as a voice of its own (a long turn's stretch that sounds different): not this test's matter
  return y !== null && b === y && x1 !== y && x2 !== y;
}

function decode(input: string, pcm: string): void {
  mkdirSync(CACHE, { recursive: true });
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', input, '-ar', '16000', '-ac', '1', '-f', 's16le', pcm]);
  if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr.toString()}`);
}

function cached<T>(file: string, make: () => T | Promise<T>): Promise<T> {
  const path = join(CACHE, file);
  if (existsSync(path)) return Promise.resolve(JSON.parse(readFileSync(path, 'utf8')) as T);
  return Promise.resolve(make()).then((v) => {
    writeFileSync(path, JSON.stringify(v));
    return v;
  });
}

/** Everything clustering needs, from the cache or computed once. */
export interface Prepared extends EmbeddedSpeech {
  rec: Recording;
}

export async function prepare(rec: Recording, s: DiarizeSettings = DEFAULT_DIARIZE, useSegmentation = true): Promise<Prepared> {
  const models = findSpeakerModels();
  const vad = findVadModel();
  if (!models.embedding || !models.segmentation || !vad) throw new Error('needs speaker-*.onnx and silero-vad-*.onnx');
  const regions = await cached<SpeechRegion[]>(`${rec.name}.regions.json`, () => speechRegionsFromPcm(rec.pcm, vad));
  const segmentation = useSegmentation
    ? await cached<Segmentation>(`${rec.name}.seg${s.segmentationHopS}.json`, () =>
        segmentPcm(rec.pcm, models.segmentation ?? '', { hopS: s.segmentationHopS }),
      )
    : { runs: [], overlaps: [] };
  const windows = planWindows(regions, s);
  const pieces = planRefinement(windows, segmentation.runs, s);
  const embed = async (list: DiarizeWindow[]): Promise<(Float32Array | null)[]> => {
    const key = createHash('sha1')
      .update(JSON.stringify(list.map((w) => [w.start, w.end])))
      .digest('hex')
      .slice(0, 12);
    const raw = await cached<(number[] | null)[]>(`${rec.name}.emb-${key}.json`, () =>
      embedWindows(rec.pcm, list, models.embedding ?? '', s, 2).map((e) => (e ? Array.from(e, (x) => Math.round(x * 1e5) / 1e5) : null)),
    );
    return raw.map((e) => (e ? Float32Array.from(e) : null));
  };
  const key = (x: unknown): string => createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 12);
  const voicing = await cached<number[]>(`${rec.name}.voicing-${key([windows.map((w) => [w.start, w.end]), s.chorusMaxS])}.json`, () =>
    voicingOfWindows(rec.pcm, windows, s),
  );
  const all = [...windows, ...pieces];
  const refined = new Set(pieces.map((p) => p.window));
  const scan = all.map((_, i) => i >= windows.length || !refined.has(i));
  const search = [s.turnScanS, s.turnDipDb, s.turnDipShare, s.turnDipS, s.turnMinS, s.turnMaxS];
  const turns = await cached<{ span: number; start: number; end: number; embedding: number[] }[]>(
    `${rec.name}.turns-${key([all.map((w) => [w.start, w.end]), scan, search])}.json`,
    () =>
      findShortTurns(rec.pcm, all, scan, models.embedding ?? '', s, 2).map((t) => ({
        ...t,
        embedding: Array.from(t.embedding, (x) => Math.round(x * 1e5) / 1e5),
      })),
  );
  return {
    rec,
    windows,
    embeddings: await embed(windows),
    pieces,
    pieceEmbeddings: await embed(pieces),
    voicing,
    overlaps: useSegmentation ? segmentation.overlaps : [],
    shortTurns: turns.map((t) => ({ ...t, embedding: Float32Array.from(t.embedding) })),
  };
}

export interface Score {
  name: string;
  der: number;
  derByVoice: number | null;
  found: number;
  trueIds: number;
  trueVoices: number | null;
}

export function score(p: Prepared, s: DiarizeSettings, count: SpeakerCount = { exact: null, hint: null }): Score {
  const result = clusterWindows(p, count, s);
  const der = diarizationErrorRate(p.rec.reference, result.turns, 0.25).der;
  const byVoice = p.rec.byVoice ? diarizationErrorRate(p.rec.byVoice, result.turns, 0.25).der : null;
  return {
    name: p.rec.name,
    der,
    derByVoice: byVoice,
    found: result.speakers.length,
    trueIds: new Set(p.rec.reference.map((t) => t.speaker)).size,
    trueVoices: p.rec.byVoice ? new Set(p.rec.byVoice.map((t) => t.speaker)).size : null,
  };
}

function grid(args: string[]): DiarizeSettings[] {
  let combos: DiarizeSettings[] = [{ ...DEFAULT_DIARIZE }];
  for (const a of args) {
    const [k, v] = a.split('=');
    if (!k || v === undefined || !(k in DEFAULT_DIARIZE)) throw new Error(`unknown setting ${a}`);
    const values = v.split(',').map(Number);
    combos = combos.flatMap((c) => values.map((x) => ({ ...c, [k]: x })));
  }
  return combos;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const long = args.includes('--long');
  // --short: the constructed short turns of each half's meetings (separated or not, by length)
  const short = args.includes('--short');
  const plain = args.includes('--no-segmentation');
  // --told: the true number of voices as a told count; --hint: as the roster's size
  const told = args.includes('--told') ? 'exact' : args.includes('--hint') ? 'hint' : null;
  const combos = grid(args.filter((a) => !a.startsWith('--')));
  const halves = diarizationHalves();
  const constructed = (names: string[]): Recording[] => names.flatMap(shortTurnCases).map(shortTurnRecording);
  const sets = long
    ? { tune: [dayRecording('day-tune', halves.tune)], check: [dayRecording('day-check', halves.check)] }
    : short
      ? { tune: constructed(halves.tune), check: constructed(halves.check) }
      : { tune: halves.tune.map(corpusRecording), check: halves.check.map(corpusRecording) };
  const prepared = { tune: [] as Prepared[], check: [] as Prepared[] };
  for (const half of ['tune', 'check'] as const) {
    for (const rec of sets[half]) prepared[half].push(await prepare(rec, combos[0], !plain));
  }
  const varied = args.filter((a) => !a.startsWith('--')).map((a) => a.split('=')[0] ?? '');
  const show = (rows: Score[]): string =>
    rows
      .map(
        (r) =>
          `${r.der.toFixed(3)}${r.derByVoice !== null ? `/${r.derByVoice.toFixed(3)}` : ''}` +
          `${r.found === r.trueIds ? '=' : r.found > r.trueIds ? '+' : '-'}${r.found}`,
      )
      .join(' ');
  const mean = (rows: Score[]): string => (rows.reduce((n, r) => n + r.der, 0) / rows.length).toFixed(3);
  if (short) {
    const separated = (p: Prepared, s: DiarizeSettings): boolean =>
      shortTurnSeparated(p.rec.reference, clusterWindows(p, { exact: null, hint: null }, s).turns);
    const length = (p: Prepared): number => (p.rec.reference[2]?.end ?? 0) - (p.rec.reference[2]?.start ?? 0);
    const bins = (list: Prepared[], s: DiarizeSettings): string =>
      [
        [0.6, 0.8],
        [0.8, 1.0],
        [1.0, 1.4],
      ]
        .map(([a, b]) => {
          const inBin = list.filter((p) => length(p) >= (a ?? 0) && length(p) < (b ?? 0));
          return `${a}–${b} s ${inBin.filter((p) => separated(p, s)).length}/${inBin.length}`;
        })
        .join(', ');
    for (const s of combos) {
      console.log(
        varied
          .map((k) => `${k}=${s[k as keyof DiarizeSettings]}`)
          .join(' ')
          .padEnd(34),
        'tune',
        bins(prepared.tune, s),
        '| check',
        bins(prepared.check, s),
      );
    }
    return;
  }
  for (const s of combos) {
    const countOf = (p: Prepared): SpeakerCount => {
      const n = new Set(p.rec.reference.map((t) => t.speaker)).size;
      return { exact: told === 'exact' ? n : null, hint: told === 'hint' ? n : null };
    };
    const tune = prepared.tune.map((p) => score(p, s, countOf(p)));
    const check = prepared.check.map((p) => score(p, s, countOf(p)));
    console.log(
      varied
        .map((k) => `${k}=${s[k as keyof DiarizeSettings]}`)
        .join(' ')
        .padEnd(34),
      'tune',
      mean(tune),
      show(tune),
      '| check',
      mean(check),
      show(check),
    );
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
