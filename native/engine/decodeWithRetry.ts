import type { DecodeOptions } from '../whisper/decodeOptions';
import { decodeArgs } from '../whisper/decodeOptions';
import type { PieceResult } from './assembleTranscript';
import { guardSegments, meanTokenP, needsRetry } from './hallucinationGuards';
import { chunkPieces, type Piece } from './planPieces';
import { loadPiece, transcribePieces, type PieceRunContext } from './transcribePieces';

const RETRY_DECODE: Partial<DecodeOptions> = { beamSize: 5, bestOf: 5 };

/**
 * Decodes the pieces that have no result yet (greedy), then once more with beam
 * search those whose first reading looked doubtful, keeping the more confident
 * reading. Used by a file's job and by a recording's live draft alike.
 */
export async function decodeWithRetry(ctx: PieceRunContext, pieces: Piece[], decode: DecodeOptions, perChunk: number): Promise<PieceResult[]> {
  await transcribePieces(ctx, chunkPieces(pieces, perChunk), 'main', decodeArgs(decode));
  const mains = new Map(pieces.map((p) => [p.index, loadPiece(ctx.jobDir, p.index, 'main') ?? []]));
  const doubtful = pieces.filter((p) => needsRetry(mains.get(p.index) ?? []));
  const retried = new Set(doubtful.map((p) => p.index));
  if (doubtful.length > 0) {
    await transcribePieces({ ...ctx, onAdvance: undefined }, chunkPieces(doubtful, perChunk), 'retry',
      decodeArgs({ ...decode, ...RETRY_DECODE }));
  }
  return pieces.map((piece) => {
    const main = mains.get(piece.index) ?? [];
    const retry = retried.has(piece.index) ? loadPiece(ctx.jobDir, piece.index, 'retry') : null;
    const useRetry = retry !== null && !guardSegments(retry).looped && meanTokenP(retry) >= meanTokenP(main);
    return { piece, segments: useRetry ? retry : main, retried: useRetry };
  });
}
