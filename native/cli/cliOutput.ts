import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { GijirokuError } from '../common/errors';
import type { EngineProgress } from '../common/transcript';
import { writeFileAtomic } from '../files/writeFileAtomic';

/** Fails before hours of work, not after, when an output cannot be written. */
export function checkWritable(path: string): void {
  const full = resolve(path);
  const dir = dirname(full);
  let ok = false;
  try {
    ok = statSync(dir).isDirectory() && (!existsSync(full) || !statSync(full).isDirectory());
    accessSync(dir, constants.W_OK);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new GijirokuError('OUTPUT_NOT_WRITABLE', {
      ja: `出力先「${path}」に書き込めません。フォルダが存在し、書き込みできるか確認してください。`,
      en: `Cannot write the output "${path}". Check that the folder exists and is writable.`,
    });
  }
}

export function writeOutput(path: string, bytes: string | Buffer): void {
  writeFileAtomic(resolve(path), bytes);
}

/** Both languages: a clerk's PC may run an English Windows, and IT reads English logs. */
export function printError(e: GijirokuError): void {
  process.stderr.write(`エラー: ${e.text.ja}\nError: ${e.text.en}\n`);
}

export function printNotice(ja: string, en: string): void {
  process.stderr.write(`注意: ${ja}\nNote: ${en}\n`);
}

/** JSON lines for scripts and the app; a bar for a person at a terminal. */
export function progressPrinter(tty: boolean): (p: EngineProgress) => void {
  if (!tty) {
    return (p) => process.stderr.write(`${JSON.stringify({ progress: p.progress, eta_s: p.eta_s, stage: p.stage })}\n`);
  }
  return (p) => {
    const width = 30;
    const filled = Math.round(p.progress * width);
    const eta = p.eta_s === null ? '' : ` 残り約 ${formatEta(p.eta_s)}`;
    const stage = { decode: '音声を読み込み中', vad: '発話を検出中', asr: '文字起こし中', speakers: '話者を区別中', done: '完了' }[p.stage];
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(p.progress * 100).toFixed(0).padStart(3)}% ${stage}${eta}   `,
    );
    if (p.stage === 'done') process.stderr.write('\n');
  };
}

function formatEta(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒` : `${s}秒`;
}
