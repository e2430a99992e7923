import { SAMPLE_RATE } from '../audio/wavHeader';
import { unionRegions, type SpeechRegion } from '../vad/detectSpeech';
import { decodeArgs, type DecodeOptions } from '../whisper/decodeOptions';
import type { RawSegment } from '../whisper/parseWhisperJson';
import { alignTokens } from './alignRawTokens';
import { coveredIntervals, DEFAULT_COVERAGE, findHoles, speechInPiece, type CoverageSettings, type Interval } from './coverage';
import { guardSegments, hasLanguageDrift, meanTokenP, needsRetry } from './hallucinationGuards';
import { cutHoles, holePiece, wordsInHole } from './holePieces';
import { chunkPieces, orphanSpeech, piecesForOrphans, type Piece } from './planPieces';
import { loadPiece, transcribePieces, type PiecePass, type PieceRunContext } from './transcribePieces';

/** A piece's audio and the text read from it, in the piece's own time. */
interface Reading {
  piece: Piece;
  /** whisper's output as it came (for the notices of what the guards removed) */
  raw: RawSegment[];
  /** guarded, without the words placed in holes that got their own text */
  segments: RawSegment[];
}

/** Text whisper gave a hole on its own decoding, in the hole piece's time. */
export type CoverResult = Reading;

export interface PieceResult extends Reading {
  retried: boolean;
  /** the first reading drifted out of Japanese */
  drift?: boolean;
  /** holes decoded on their own */
  covers?: CoverResult[];
  /** holes no decoding turned into text: the clerk listens to them */
  unheard?: Piece[];
}

/** What the VADs heard: the regions the pieces were planned from, and the union of every VAD's (samples). */
export interface Speech {
  regions: SpeechRegion[];
  heard: SpeechRegion[];
}

export interface DecodeStageSettings {
  decode: DecodeOptions;
  /** pieces per whisper-cli process */
  perChunk: number;
  coverage?: CoverageSettings;
}

/** How a doubtful piece or a hole is decoded again: beam search, and without the prompt the first reading had. */
const SECOND_LOOK: Partial<DecodeOptions> = { beamSize: 5, bestOf: 5, prompt: '' };
/** audio kept on each side of a hole when it is decoded on its own */
const HOLE_PAD_MS = 200;
/** a hole this much of its piece is the piece again */
const WHOLE_PIECE = 0.9;
/** a hole's decoding is checked for holes of its own this many times */
const COVER_DEPTH = 2;
/** pieces of orphan speech are numbered from here, past any plan's own */
const ORPHAN_INDEX = 1_000_000;
/** orphan speech is laid out like a recording's (transcribeFile's PLAN), with less padding: its neighbours are in other pieces */
const ORPHAN_PLAN = {
  pad: Math.round(0.1 * SAMPLE_RATE),
  maxPiece: Math.round(29.5 * SAMPLE_RATE),
  lookback: Math.round(10 * SAMPLE_RATE),
};
/** an orphan shorter than this is a region's edge the plan trimmed, not speech left out */
const MIN_ORPHAN_SAMPLES = Math.round(0.3 * SAMPLE_RATE);

/**
 * Decodes a recording's pieces and accounts for every stretch of speech in them:
 * 1. every piece (the main reading); 2. once more, with beam search and without the prompt,
 * the pieces that looped, stuttered or drifted out of Japanese, keeping the better reading
 * (only when the main reading was decoded otherwise: the defaults already are that second look);
 * 3. every hole (speech no reliably timed word covers) on its own, and the holes of
 * that reading once more; 4. what is still without text is `unheard`.
 * Every pass is checkpointed per piece in the job folder, so a resumed job decodes only what is missing.
 */
export async function decodeStage(ctx: PieceRunContext, planned: Piece[], speech: Speech, s: DecodeStageSettings): Promise<PieceResult[]> {
  const coverage = s.coverage ?? DEFAULT_COVERAGE;
  // speech no piece holds (another VAD heard it) is decoded in pieces of its own; holes are looked for in
  // what shaped each piece: within the planned pieces the extra VAD's edges only made holes of words already there
  const orphans = orphanSpeech(speech.heard, planned, MIN_ORPHAN_SAMPLES);
  const pieces = [
    ...planned,
    ...piecesForOrphans(orphans, ORPHAN_INDEX, { totalSamples: Math.max(0, ...speech.heard.map((r) => r.end)), ...ORPHAN_PLAN }),
  ];
  const regions = unionRegions([...speech.regions, ...orphans]);
  const second: DecodeOptions = { ...s.decode, ...SECOND_LOOK };
  // decoding the same audio again with the same settings reads the same: only other settings are a second look
  const sameLook = decodeArgs(second).join('\0') === decodeArgs(s.decode).join('\0');
  await transcribePieces(ctx, chunkPieces(pieces, s.perChunk), 'main', decodeArgs(s.decode));
  const quiet = { ...ctx, onAdvance: undefined };

  const mains = new Map(pieces.map((p) => [p.index, loadPiece(ctx.jobDir, p.index, 'main') ?? []]));
  const doubtful = sameLook ? [] : pieces.filter((p) => needsRetry(mains.get(p.index) ?? []));
  await transcribePieces(quiet, chunkPieces(doubtful, s.perChunk), 'retry', decodeArgs(second));
  const results = pieces.map((piece): PieceResult => {
    const main = mains.get(piece.index) ?? [];
    const drift = main.some((x) => hasLanguageDrift(x.text));
    const retry = doubtful.includes(piece) ? loadPiece(ctx.jobDir, piece.index, 'retry') : null;
    const useRetry = retry !== null && betterReading(retry, main, drift);
    const raw = useRetry ? retry : main;
    return { piece, raw, segments: guarded(raw), retried: useRetry, drift };
  });

  // holes: each level decodes the holes of the level before on their own
  let open: { owner: PieceResult; reading: Reading }[] = results.map((r) => ({ owner: r, reading: r }));
  for (let depth = 1; depth <= COVER_DEPTH && open.length > 0; depth++) {
    const pass = (depth === 1 ? 'cover' : `cover${depth}`) as PiecePass;
    const jobs: { owner: PieceResult; parent: Reading; hole: Interval; piece: Piece }[] = [];
    for (const { owner, reading } of open) {
      const holes = findHoles(speechInPiece(reading.piece, regions, SAMPLE_RATE), coveredIntervals(reading.segments, coverage), coverage);
      holes.forEach((hole, k) => {
        const piece = holePiece(reading.piece, hole, reading.piece.index * 100 + k, HOLE_PAD_MS, SAMPLE_RATE);
        // a hole as long as its piece, read with the same settings, would read the same: nothing left to try
        if (!sameLook || piece.length < WHOLE_PIECE * reading.piece.length) jobs.push({ owner, parent: reading, hole, piece });
        else if (wordsInHole(reading.segments, hole) === 0) (owner.unheard ??= []).push(piece);
      });
    }
    await transcribePieces(
      quiet,
      chunkPieces(
        jobs.map((j) => j.piece),
        s.perChunk,
      ),
      pass,
      decodeArgs(second),
    );
    const next: typeof open = [];
    for (const job of jobs) {
      const raw = loadPiece(ctx.jobDir, job.piece.index, pass) ?? [];
      const text = guarded(raw);
      if (text.length > 0) {
        job.parent.segments = cutHoles(job.parent.segments, [job.hole], coverage.slackMs);
        const cover: CoverResult = { piece: job.piece, raw, segments: text };
        (job.owner.covers ??= []).push(cover);
        next.push({ owner: job.owner, reading: cover });
      } else if (wordsInHole(job.parent.segments, job.hole) === 0) {
        (job.owner.unheard ??= []).push(job.piece);
      }
    }
    open = next;
  }
  return results;
}

/** The second reading wins when the first drifted and it did not, or when it is more confident and did not loop. */
function betterReading(retry: RawSegment[], main: RawSegment[], mainDrifted: boolean): boolean {
  if (guardSegments(retry).looped) return false;
  const retryDrifted = retry.some((x) => hasLanguageDrift(x.text));
  if (mainDrifted !== retryDrifted) return mainDrifted;
  return meanTokenP(retry) >= meanTokenP(main);
}

/**
 * Phantoms, loops and text in another language removed (what is left of their audio is a hole,
 * read again on its own), tokens re-aligned with the repaired text.
 */
function guarded(raw: RawSegment[]): RawSegment[] {
  return guardSegments(raw)
    .kept.filter((x) => x.text && !hasLanguageDrift(x.text))
    .map((x) => ({ ...x, tokens: alignTokens(x.tokens, x.text) }));
}
