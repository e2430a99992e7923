// The live draft: while a meeting is recorded, each stretch of speech that a
// pause has closed (Silero VAD on the appended audio) is packed into engine
// pieces and decoded in the background by whisper-cli at the lowest OS
// priority, so the recording always has the CPU. While one batch decodes, new
// speech queues up and goes into the next batch (fuller pieces: the draft
// catches up instead of falling further behind). On stop, only what is left is
// decoded: pieces already done are read back from their checkpoints.
import { mkdirSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_RATE } from '../audio/wavHeader';
import { assembleTranscript, type PieceResult } from '../engine/assembleTranscript';
import { decodeStage } from '../engine/decodeStage';
import { chunkPieces, planPieces, type Piece, type Span } from '../engine/planPieces';
import { loadPiece, transcribePieces, type PieceRunContext } from '../engine/transcribePieces';
import type { SpeechRegion } from '../vad/detectSpeech';
import { SpeechDetectors } from '../vad/detectSpeech';
import { decodeArgs, type DecodeOptions } from '../whisper/decodeOptions';
import { WAV_HEADER_BYTES } from './recordingFile';

export interface LiveDraftOptions {
  /** the recording's WAV, appended to while the draft runs */
  wavPath: string;
  /** pieces/pNNNNN.json checkpoints go here */
  workDir: string;
  model: string;
  /** the VADs to listen with (findVadModels): the draft follows the first, the finish covers their union */
  vadModels: string[];
  whisperBinary: string;
  decode: DecodeOptions;
}

export interface DraftLine {
  start: number;
  end: number;
  text: string;
}

/** The engine's plan settings (native/engine/transcribeFile.ts PLAN), in samples. */
const PLAN = { pad: 0.3 * SAMPLE_RATE, maxPiece: 29.5 * SAMPLE_RATE, lookback: 10 * SAMPLE_RATE };
const PIECES_PER_RUN = 40;
/** Speech waiting that fills a piece: decode it now. */
const FULL_S = 25;
/** Otherwise speech waits at most this long (seconds of recording) before it is decoded in a shorter piece. */
const STALE_S = 10;

export class LiveDraft {
  private readonly detector: SpeechDetectors;
  private readonly ctx: PieceRunContext;
  private readonly abort = new AbortController();
  /** index of the first closed VAD region not yet given to a piece */
  private planned = 0;
  private nextIndex = 0;
  /** recording sample where the last planned piece ends */
  private plannedUpTo = 0;
  private readonly pieces: Piece[] = [];
  private readonly done = new Map<number, PieceResult>();
  /** pieces being decoded now */
  private inFlight: Piece[] = [];
  private running: Promise<void> | null = null;
  private recorded = 0;
  private stopped = false;
  private failure: unknown = null;
  /** largest lag seen, seconds */
  peakLagS = 0;

  constructor(private readonly opts: LiveDraftOptions) {
    mkdirSync(join(opts.workDir, 'pieces'), { recursive: true });
    this.detector = new SpeechDetectors(opts.vadModels);
    this.ctx = {
      jobDir: opts.workDir,
      pcmPath: opts.wavPath,
      pcmOffset: WAV_HEADER_BYTES,
      binary: opts.whisperBinary,
      model: opts.model,
      signal: this.abort.signal,
      // below normal rather than idle: the recording (this process) still comes first, and a PC busy with
      // other work at normal priority does not starve the draft completely (idle: weight 15 of 1024 on Linux)
      priority: constants.priority.PRIORITY_BELOW_NORMAL,
      keepDecoded: true,
    };
  }

  /** PCM just appended to the recording file (already on disk: pieces read it from there) */
  accept(pcm: Buffer): void {
    this.detector.acceptPcm16(pcm);
    this.recorded += pcm.length / 2;
    this.peakLagS = Math.max(this.peakLagS, this.lagS());
    this.schedule();
  }

  /** the draft so far, in recording order */
  lines(): DraftLine[] {
    const results = [...this.done.values()].sort((a, b) => a.piece.index - b.piece.index);
    return assembleTranscript(results).segments.map((s) => ({ start: s.start, end: s.end, text: s.text }));
  }

  /** how far (seconds of recording) the draft runs behind: from the oldest closed speech not yet decoded to now */
  lagS(): number {
    const waiting = this.detector.closedRegions()[this.planned];
    const decoding = this.inFlight.find((p) => !this.done.has(p.index));
    const from = decoding?.spans[0]?.from ?? waiting?.start ?? null;
    return from === null ? 0 : Math.max(0, (this.recorded - from) / SAMPLE_RATE);
  }

  /** the language the draft decodes in */
  get language(): string {
    return this.opts.decode.language;
  }

  get error(): unknown {
    return this.failure;
  }

  /**
   * Recording stopped: decodes what is left at normal priority (VAD's last
   * region, pieces still queued), re-decodes doubtful pieces with beam search,
   * and returns every piece's result for assembleTranscript.
   */
  async finish(onAdvance?: (fraction: number) => void): Promise<PieceResult[]> {
    this.stopped = true;
    await this.running;
    const heard = this.detector.finish();
    const regions = this.detector.primary();
    const rest = regions.slice(this.planned);
    this.planned += rest.length;
    this.plan(rest);
    const total = this.pieces.reduce((n, p) => n + p.length, 0);
    const ctx: PieceRunContext = { ...this.ctx, priority: undefined, onAdvance: (samples) => onAdvance?.(total > 0 ? samples / total : 1) };
    return decodeStage(ctx, this.pieces, { regions, heard }, { decode: this.opts.decode, perChunk: PIECES_PER_RUN });
  }

  /** stops any decoding at once (the app closes) */
  cancel(): void {
    this.stopped = true;
    this.abort.abort();
  }

  private schedule(): void {
    if (this.running || this.stopped || this.failure) return;
    const waiting = this.detector.closedRegions().slice(this.planned);
    const first = waiting[0];
    if (!first) return;
    const speechS = waiting.reduce((n, r) => n + r.end - r.start, 0) / SAMPLE_RATE;
    if (speechS < FULL_S && (this.recorded - first.start) / SAMPLE_RATE < STALE_S) return;
    this.planned += waiting.length;
    const pieces = this.plan(waiting);
    this.inFlight = pieces;
    this.running = this.decode(pieces).finally(() => {
      this.inFlight = [];
      this.running = null;
      this.schedule();
    });
  }

  private plan(regions: readonly SpeechRegion[]): Piece[] {
    if (regions.length === 0) return [];
    const planned = planPieces([...regions], this.recorded, PLAN);
    // a batch is padded without knowing the next one: its first piece must not start inside the
    // previous batch's padding, or their segments would interleave when sorted by time
    const first = planned[0];
    if (first) planned[0] = startNoEarlierThan(first, this.plannedUpTo);
    const pieces = planned.filter((p) => p.length > 0).map((p) => ({ ...p, index: this.nextIndex++ }));
    const lastSpan = pieces[pieces.length - 1]?.spans.at(-1);
    if (lastSpan) this.plannedUpTo = lastSpan.from + lastSpan.length;
    this.pieces.push(...pieces);
    return pieces;
  }

  private async decode(pieces: Piece[]): Promise<void> {
    try {
      // each piece joins the draft as soon as its checkpoint is written
      const collect = (): void => {
        for (const piece of pieces) {
          if (this.done.has(piece.index)) continue;
          const segments = loadPiece(this.opts.workDir, piece.index, 'main');
          if (segments) this.done.set(piece.index, { piece, raw: segments, segments, retried: false });
        }
      };
      await transcribePieces(
        { ...this.ctx, onAdvance: collect },
        chunkPieces(pieces, PIECES_PER_RUN),
        'main',
        decodeArgs(this.opts.decode),
      );
      collect();
    } catch (e) {
      // the draft stops growing; finish() decodes everything again at stop
      if (!this.abort.signal.aborted) {
        this.failure = e;
        process.stderr.write(`gijiroku: live draft stopped: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  }
}

/** Pure: the piece without the audio before recording sample `from`. */
export function startNoEarlierThan(piece: Piece, from: number): Piece {
  const spans: Span[] = [];
  let at = 0;
  for (const span of piece.spans) {
    const cut = Math.max(0, Math.min(span.length, from - span.from));
    if (cut === span.length) continue;
    spans.push({ from: span.from + cut, at, length: span.length - cut });
    at += span.length - cut;
  }
  return { index: piece.index, spans, length: at };
}
