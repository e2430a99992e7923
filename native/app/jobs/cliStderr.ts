// Reads what `gijiroku transcribe` writes on stderr when it is not a terminal:
// JSON progress lines, and on failure `エラー: …` / `Error: …` lines.
// Pure: unit-tested without running the CLI.
import type { LocalizedText } from '../../common/errors';
import type { EngineProgress } from '../../common/transcript';

const STAGES: ReadonlySet<string> = new Set(['decode', 'vad', 'asr', 'speakers', 'done']);

export function parseProgressLine(line: string): EngineProgress | null {
  if (!line.startsWith('{')) return null;
  try {
    const v = JSON.parse(line) as { progress?: unknown; eta_s?: unknown; stage?: unknown };
    if (typeof v.progress !== 'number' || !Number.isFinite(v.progress)) return null;
    if (typeof v.stage !== 'string' || !STAGES.has(v.stage)) return null;
    const eta = typeof v.eta_s === 'number' && Number.isFinite(v.eta_s) ? v.eta_s : null;
    return { progress: Math.min(1, Math.max(0, v.progress)), eta_s: eta, stage: v.stage as EngineProgress['stage'] };
  } catch {
    return null;
  }
}

/** Collects progress and error text from stderr chunks as they arrive. */
export class CliStderrReader {
  private partial = '';
  private ja: string[] = [];
  private en: string[] = [];
  private inJa = false;
  private tail: string[] = [];

  /** feeds a chunk; returns the progress lines it completed */
  push(chunk: string): EngineProgress[] {
    const lines = (this.partial + chunk).split(/\r?\n/);
    this.partial = lines.pop() ?? '';
    const progress: EngineProgress[] = [];
    for (const line of lines) {
      const p = this.readLine(line);
      if (p) progress.push(p);
    }
    return progress;
  }

  /** what to show the user for a run that exited with `code` */
  failure(code: number | null, signal: NodeJS.Signals | null): LocalizedText {
    if (this.partial) {
      this.readLine(this.partial);
      this.partial = '';
    }
    if (this.ja.length > 0 || this.en.length > 0) {
      // the CLI appends its usage text to argument errors; the page needs only the message
      const ja = this.ja.join('\n').split('\n使い方 / Usage:')[0]?.trim() ?? '';
      return { ja: ja || this.en.join('\n'), en: this.en.join('\n') || ja };
    }
    const how = signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
    const detail = this.tail.slice(-3).join(' / ').slice(0, 500);
    return {
      ja: `文字起こしが途中で止まりました（${how}）。もう一度開始すると、途中から再開します。${detail ? `詳細: ${detail}` : ''}`,
      en: `Transcription stopped unexpectedly (${how}). Start it again to continue where it stopped.${detail ? ` Details: ${detail}` : ''}`,
    };
  }

  private readLine(line: string): EngineProgress | null {
    const p = parseProgressLine(line);
    if (p) return p;
    if (line.startsWith('エラー: ')) {
      this.ja.push(line.slice('エラー: '.length));
      this.inJa = true;
    } else if (line.startsWith('Error: ')) {
      this.en.push(line.slice('Error: '.length));
      this.inJa = false;
    } else if (line.startsWith('注意: ') || line.startsWith('Note: ')) {
      this.inJa = false;
    } else if (this.inJa) {
      this.ja.push(line);
    } else if (line.trim()) {
      this.tail.push(line.trim());
      if (this.tail.length > 20) this.tail.shift();
    }
    return null;
  }
}
