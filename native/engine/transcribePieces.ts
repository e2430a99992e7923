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
  /**
   * Pieces already decoded count as done even in a chunk with others missing (the live draft decodes
   * pieces as they close, in batches of its own: the stop keeps them). Otherwise such a chunk is read again whole.
   */
  keepDecoded?: boolean;
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
 * Runs whisper-cli over the pieces, one process per chunk (the model loads once). Each
 * piece's JSON is its checkpoint, but a chunk is read again whole when any of its pieces
 * is missing (unless ctx.keepDecoded): whisper-cli's beam search reads a file slightly otherwise after other files
 * in the same process, so only the same files in the same order give the same text. A job
 * resumed after a crash therefore writes the transcript an uninterrupted run writes, and
 * loses at most the chunk the crash cut.
 */
export async function transcribePieces(ctx: PieceRunContext, chunks: Piece[][], pass: PiecePass, args: string[]): Promise<void> {
  let done = 0;
  for (const chunk of chunks) {
    const missing = chunk.filter((p) => loadPiece(ctx.jobDir, p.index, pass) === null);
    const todo = ctx.keepDecoded ? missing : missing.length > 0 ? chunk : [];
    done += sum(chunk.filter((p) => !todo.includes(p)));
    ctx.onAdvance?.(done);
    if (todo.length === 0) continue;
    const files = todo.map((p) => {
      const base = outBase(ctx.jobDir, p.index, pass);
      writePieceWav(ctx.pcmPath, p, `${base}.wav`, ctx.pcmOffset ?? 0);
      return { wav: `${base}.wav`, outBase: base };
    });
    const before = done;
    try {
      await runWhisperCli(
        {
          binary: ctx.binary,
          model: ctx.model,
          args,
          files,
          signal: ctx.signal,
          priority: ctx.priority,
          logPath: join(ctx.jobDir, 'whisper.log'),
        },
        {
          onFileProgress: (i, f) => ctx.onAdvance?.(before + sum(todo.slice(0, i)) + f * (todo[i]?.length ?? 0)),
          onFileDone: (i) => rmSync(files[i]?.wav ?? '', { force: true }),
        },
      );
    } finally {
      for (const f of files) rmSync(f.wav, { force: true });
    }
    const unread = todo.filter((p) => loadPiece(ctx.jobDir, p.index, pass) === null);
    if (unread.length > 0) throw noOutput(unread.map((p) => p.index));
    done += sum(todo);
    ctx.onAdvance?.(done);
  }
}

function sum(pieces: Piece[]): number {
  return pieces.reduce((n, p) => n + p.length, 0);
}

function noOutput(indexes: number[]): GijirokuError {
  return new GijirokuError('WHISPER_FAILED', {
    ja: `音声認識エンジンが一部の区間（${indexes.length} 個）の結果を出力しませんでした。`,
    en: `The speech engine wrote no result for ${indexes.length} stretch(es) of audio.`,
  });
}
