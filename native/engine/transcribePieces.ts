import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseWhisperJson, type RawSegment } from '../whisper/parseWhisperJson';
import { runWhisperCli } from '../whisper/runWhisperCli';
import { GijirokuError } from '../common/errors';
import { writePieceWav } from './pieceAudio';
import type { Piece } from './planPieces';

export type PiecePass = 'main' | 'retry';

export interface PieceRunContext {
  jobDir: string;
  pcmPath: string;
  binary: string;
  model: string;
  signal?: AbortSignal;
  /** bytes before the PCM in pcmPath (a WAV header); 0 for raw PCM */
  pcmOffset?: number;
  /** OS scheduling priority of whisper-cli (19: lowest, so a recording going on keeps the CPU) */
  priority?: number;
  /** samples of piece audio finished so far, for progress */
  onAdvance?: (doneSamples: number) => void;
}

function outBase(jobDir: string, index: number, pass: PiecePass): string {
  const name = `p${String(index).padStart(5, '0')}`;
  return join(jobDir, 'pieces', pass === 'main' ? name : `${name}.${pass}`);
}

/** A piece's decoded segments, or null when it has not been (completely) decoded yet. */
export function loadPiece(jobDir: string, index: number, pass: PiecePass): RawSegment[] | null {
  const path = `${outBase(jobDir, index, pass)}.json`;
  if (!existsSync(path)) return null;
  try {
    return parseWhisperJson(readFileSync(path));
  } catch {
    return null; // cut short by a crash: decode again
  }
}

/**
 * Runs whisper-cli over the pieces that have no result yet, one process per piece.
 * Each piece's JSON is its checkpoint: after a crash only unfinished pieces run again.
 * One process each because whisper-cli's beam search reads a file differently after
 * other files in the same process (its decoder state carries over): pieces decoded
 * together would read otherwise on a resumed run. A process costs ≈0.3 s of a piece's ≈10 s.
 */
export async function transcribePieces(ctx: PieceRunContext, pieces: Piece[], pass: PiecePass, args: string[]): Promise<void> {
  let done = 0;
  for (const piece of pieces) {
    if (loadPiece(ctx.jobDir, piece.index, pass) !== null) {
      done += piece.length;
      ctx.onAdvance?.(done);
      continue;
    }
    const base = outBase(ctx.jobDir, piece.index, pass);
    const wav = `${base}.wav`;
    writePieceWav(ctx.pcmPath, piece, wav, ctx.pcmOffset ?? 0);
    const before = done;
    try {
      await runWhisperCli(
        {
          binary: ctx.binary,
          model: ctx.model,
          args,
          files: [{ wav, outBase: base }],
          signal: ctx.signal,
          priority: ctx.priority,
          logPath: join(ctx.jobDir, 'whisper.log'),
        },
        {
          onFileProgress: (_i, f) => ctx.onAdvance?.(before + f * piece.length),
        },
      );
    } finally {
      rmSync(wav, { force: true });
    }
    if (loadPiece(ctx.jobDir, piece.index, pass) === null) throw noOutput(piece.index);
    done += piece.length;
    ctx.onAdvance?.(done);
  }
}

function noOutput(index: number): GijirokuError {
  return new GijirokuError('WHISPER_FAILED', {
    ja: `音声認識エンジンが区間 ${index} の結果を出力しませんでした。`,
    en: `The speech engine wrote no result for stretch ${index} of the audio.`,
  });
}
