import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GijirokuError } from '../common/errors';

export type CpuVariant = 'avx2' | 'noavx';

/** Folder that holds the whisper-cli builds: `<platform>-<arch>-<variant>/whisper-cli`. */
export function whisperBinRoot(): string {
  return process.env['GIJIROKU_WHISPER_BIN_DIR'] ?? join(__dirname, '..', '..', '..', 'native', 'whisper', 'bin');
}

export function whisperCliPath(variant: CpuVariant, root = whisperBinRoot()): string {
  const exe = process.platform === 'win32' ? 'whisper-cli.exe' : 'whisper-cli';
  return join(root, `${process.platform}-${process.arch}-${variant}`, exe);
}

/**
 * The AVX2 build is 6× faster; the fallback runs on any x86-64 CPU.
 * GIJIROKU_WHISPER_CLI names a binary outright.
 */
export function findWhisperCli(): { path: string; variant: CpuVariant | 'custom' } {
  const override = process.env['GIJIROKU_WHISPER_CLI'];
  if (override) {
    if (!existsSync(override)) throw whisperMissing(override);
    return { path: override, variant: 'custom' };
  }
  const wanted: CpuVariant[] = cpuHasAvx2() ? ['avx2', 'noavx'] : ['noavx'];
  for (const v of wanted) {
    const p = whisperCliPath(v);
    if (existsSync(p)) return { path: p, variant: v };
  }
  throw whisperMissing(whisperCliPath(wanted[0] ?? 'noavx'));
}

export function cpuHasAvx2(): boolean {
  const forced = process.env['GIJIROKU_CPU'];
  if (forced === 'noavx') return false;
  if (forced === 'avx2') return true;
  if (process.platform === 'linux') {
    try {
      return /\bavx2\b/.test(readFileSync('/proc/cpuinfo', 'utf8')) && /\bfma\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
    } catch {
      return false;
    }
  }
  // Windows and macOS: the packaged app ships a cpuid probe (see ARCHITECTURE.md); until then assume a CPU from after 2013
  return process.arch === 'x64';
}

function whisperMissing(path: string): GijirokuError {
  return new GijirokuError('WHISPER_MISSING', {
    ja: `音声認識エンジン（whisper-cli）が見つかりません：${path}。セットアップ（npm test または npm start）をやり直してください。`,
    en: `The speech engine (whisper-cli) was not found: ${path}. Run the set-up (npm test or npm start) again.`,
  });
}
