import { parseArgs } from 'node:util';
import { DEFAULT_CLEANUP_RULES } from '../cleanup/cleanupRules';
import { GijirokuError, isGijirokuError } from '../common/errors';
import { MEETING_EXPORT_FORMATS, type ExportFormat } from '../common/exportFormats';
import type { Transcript } from '../common/transcript';
import { exportFromTranscript } from '../export/exportFromTranscript';
import { EXPORT_TABLE } from '../export/exportTable';
import { defaultModel, findModels } from '../models/findModels';
import { transcribeMeeting, type MeetingTranscript } from '../pipeline/transcribeMeeting';
import { loadRosterFile } from '../speakers/loadRosterFile';
import { checkWritable, printError, printNotice, progressPrinter, writeOutput } from './cliOutput';
import { loadTermFile } from './termDictionary';

/** the --FORMAT outputs, in the order they are written */
const EXPORT_FORMATS: readonly ExportFormat[] = ['json', ...MEETING_EXPORT_FORMATS];

const USAGE = `使い方 / Usage:
  gijiroku transcribe INPUT [--model PATH] [--language ja] [--threads N] [--prompt TEXT]
                      [--dictionary TERMS.tsv] [--roster 出席者.tsv] [--clean] [--no-vad] [--resume]
                      [--speakers auto|N] [--speaker-hint N] [--speaker-models DIR]
                      [--json OUT.json] [--srt OUT.srt] [--vtt OUT.vtt] [--txt OUT.txt] [--csv OUT.csv]
                      [--docx OUT.docx [--title T] [--body 会議体] [--place 場所] [--date YYYY-MM-DD]]
  gijiroku models       見つかったモデルの一覧 / list the models found
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'transcribe') return await transcribeCommand(rest);
    if (command === 'models') return modelsCommand();
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw badArgs(`不明なコマンドです: ${command}`, `Unknown command: ${command}`);
  } catch (e) {
    if (isGijirokuError(e)) {
      printError(e);
      return e.code === 'CANCELLED' ? 130 : e.code === 'BAD_ARGUMENTS' ? 2 : 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`エラー: 予期しない問題が起きました（${msg}）。\nError: unexpected failure (${msg}).\n`);
    return 1;
  }
}

async function transcribeCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        language: { type: 'string', default: 'ja' },
        threads: { type: 'string' },
        prompt: { type: 'string' },
        'no-vad': { type: 'boolean', default: false },
        resume: { type: 'boolean', default: false },
        json: { type: 'string' },
        srt: { type: 'string' },
        vtt: { type: 'string' },
        txt: { type: 'string' },
        csv: { type: 'string' },
        docx: { type: 'string' },
        dictionary: { type: 'string' },
        clean: { type: 'boolean', default: false },
        title: { type: 'string' },
        body: { type: 'string' },
        place: { type: 'string' },
        date: { type: 'string' },
        'keep-job': { type: 'boolean', default: false },
        roster: { type: 'string' },
        speakers: { type: 'string' },
        'speaker-hint': { type: 'string' },
        'speaker-models': { type: 'string' },
      },
    });
  } catch (e) {
    throw badArgs(`引数が正しくありません: ${(e as Error).message}`, `Bad arguments: ${(e as Error).message}`);
  }
  const { values: v, positionals } = parsed;
  const input = positionals[0];
  if (!input || positionals.length > 1) throw badArgs('入力ファイルを一つ指定してください。', 'Give exactly one input file.');
  const outputs = EXPORT_FORMATS.flatMap((f): [ExportFormat, string][] => {
    const path = v[f];
    return path ? [[f, path]] : [];
  });
  if (outputs.length === 0) {
    throw badArgs('出力先（--json など）を指定してください。', 'Give at least one output (--json, --srt, --vtt, --txt, --csv or --docx).');
  }
  const terms = v.dictionary ? loadTermFile(v.dictionary) : null;
  const roster = v.roster ? loadRosterFile(v.roster) : null;
  for (const [, path] of outputs) checkWritable(path);
  const threads = v.threads === undefined ? 0 : Number(v.threads);
  if (!Number.isInteger(threads) || threads < 0)
    throw badArgs('--threads には正の整数を指定してください。', '--threads takes a positive whole number.');
  const speakers = parseSpeakers(v.speakers, v['speaker-models'], v['speaker-hint']);
  const model = v.model ?? defaultModel()?.path;
  if (!model) {
    throw new GijirokuError('MODEL_NOT_FOUND', {
      ja: 'モデルが見つかりません。--model でモデルファイル（ggml-*.bin）を指定するか、models フォルダに置いてください。',
      en: 'No model found. Give a model file (ggml-*.bin) with --model or put one in the models folder.',
    });
  }

  const abort = new AbortController();
  const stop = (): void => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let result: MeetingTranscript;
  try {
    result = await transcribeMeeting({
      audio: {
        kind: 'file',
        input,
        model,
        vad: !v['no-vad'],
        resume: v.resume,
        keepJob: v['keep-job'],
        decode: { language: v.language ?? 'ja', threads, ...(v.prompt !== undefined ? { prompt: v.prompt } : {}) },
      },
      steer: { body: v.body ?? '', terms: terms ?? [] },
      speakers,
      roster,
      cleanRules: v.clean ? DEFAULT_CLEANUP_RULES : null,
      signal: abort.signal,
      onProgress: progressPrinter(Boolean(process.stderr.isTTY)),
    });
  } catch (e) {
    if (isGijirokuError(e) && e.code === 'CANCELLED') {
      printNotice(
        '途中までの結果は保存されています。同じコマンドに --resume を付けると続きから再開します。',
        'The work done so far is kept. Run the same command with --resume to continue.',
      );
    }
    throw e;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }

  printTranscriptNotices(result.transcript);
  // subtitles and the 会議録 print what the clerk asked for: the clean text with --clean
  const meeting = exportFromTranscript(result, { title: v.title, body: v.body, place: v.place, date: v.date }, { clean: v.clean });
  for (const [format, path] of outputs) writeOutput(path, await EXPORT_TABLE[format](meeting));
  return 0;
}

function modelsCommand(): number {
  const models = findModels();
  if (models.length === 0) {
    process.stdout.write('モデルが見つかりません / no models found\n');
    return 1;
  }
  for (const m of models) {
    process.stdout.write(`${m.name}\t${(m.size / 1e6).toFixed(1)} MB\t${m.header.family}\t${m.languages}\t${m.path}\n`);
  }
  return 0;
}

/** What the clerk should know about the result: a file cut short, speakers not found, speech not turned into text. */
function printTranscriptNotices(transcript: Transcript): void {
  const t = transcript.audio.truncated;
  if (t) {
    printNotice(
      `ファイルが途中で終わっています（${t.expected_duration.toFixed(1)} 秒のはずが ${t.decoded_duration.toFixed(1)} 秒で終了）。読み取れた部分までを文字起こししました。`,
      `The file ends early (at ${t.decoded_duration.toFixed(1)} s of ${t.expected_duration.toFixed(1)} s). What could be read was transcribed.`,
    );
  }
  for (const n of transcript.notices) {
    if (n.kind !== 'speakers-unavailable') continue;
    const [ja, en] = n.detail.split(' / ');
    printNotice(ja ?? n.detail, en ?? n.detail);
  }
  const unheard = transcript.segments.filter((s) => s.unheard);
  if (unheard.length > 0) {
    const at =
      unheard
        .slice(0, 5)
        .map((s) => `${clockText(s.start)}–${clockText(s.end)}`)
        .join('、') + (unheard.length > 5 ? ' …' : '');
    printNotice(
      `文字にできなかった発言が ${unheard.length} か所あります（${at}）。JSON に "unheard" として残しました。聞いて確かめてください。`,
      `${unheard.length} stretch(es) of speech could not be recognised (${at}); they are in the JSON as "unheard": listen to them.`,
    );
  }
}

function clockText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}

/** `--speakers auto|N`: absent = no speaker segmentation. `--speaker-hint N`: at most about N voices (the roster's size), never a hard cut. */
function parseSpeakers(
  value: string | undefined,
  modelsDir: string | undefined,
  hintText: string | undefined,
): { count: number | null; hint: number | null; modelsDir?: string } | undefined {
  if (value === undefined) {
    if (modelsDir !== undefined)
      throw badArgs('--speaker-models は --speakers と一緒に指定してください。', '--speaker-models needs --speakers.');
    if (hintText !== undefined)
      throw badArgs('--speaker-hint は --speakers auto と一緒に指定してください。', '--speaker-hint needs --speakers auto.');
    return undefined;
  }
  const count = value === 'auto' ? null : Number(value);
  if (count !== null && (!Number.isInteger(count) || count < 1)) {
    throw badArgs('--speakers には auto か 1 以上の整数を指定してください。', '--speakers takes auto or a whole number of at least 1.');
  }
  const hint = hintText === undefined ? null : Number(hintText);
  if (hint !== null && (!Number.isInteger(hint) || hint < 1)) {
    throw badArgs('--speaker-hint には 1 以上の整数を指定してください。', '--speaker-hint takes a whole number of at least 1.');
  }
  return { count, hint, ...(modelsDir ? { modelsDir } : {}) };
}

function badArgs(ja: string, en: string): GijirokuError {
  return new GijirokuError('BAD_ARGUMENTS', { ja: `${ja}\n${USAGE}`, en });
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
