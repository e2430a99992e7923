import type { EditOp, EditResult, GijirokuApi } from '../../../../../native/common/api';

export type SaveStatus = 'saved' | 'pending' | 'saving';

/** the part of the API an edit session calls (the page's api object, or the service itself in a test) */
export type EditApi = Pick<GijirokuApi, 'applyEdit' | 'undo' | 'redo'>;

/** Typing is saved this long after the last keystroke (and at once on blur). */
export const SAVE_DEBOUNCE_MS = 300;

/**
 * Every change of one meeting goes through here, in order: text drafts are debounced
 * into setText edits, and any other edit, undo or redo first flushes the drafts, so
 * the service always sees the clerk's changes in the order they were made.
 * Drafts stay until the service confirmed exactly that text, so a row scrolled out of
 * the virtual list and back shows what was typed, not the last saved text.
 */
export class EditSession {
  private readonly drafts = new Map<number, string>();
  private readonly sent = new Map<number, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private composing = false;
  private busy = 0;
  private readonly statusListeners = new Set<(s: SaveStatus) => void>();

  constructor(
    private readonly api: EditApi,
    private readonly meetingId: number,
    private readonly onResult: (result: EditResult) => void,
    private readonly onError: (e: unknown) => void,
  ) {}

  draftOf(segmentId: number): string | undefined {
    return this.drafts.get(segmentId);
  }

  setDraft(segmentId: number, text: string): void {
    this.drafts.set(segmentId, text);
    this.emitStatus();
    this.schedule();
  }

  /** While an IME composes, nothing is saved; the save is scheduled when it ends. */
  setComposing(composing: boolean): void {
    this.composing = composing;
    if (!composing) this.schedule();
  }

  /** Sends every unsent draft now; resolves when the service holds them. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    for (const [segmentId, text] of this.drafts) {
      if (this.sent.get(segmentId) === text) continue;
      this.sent.set(segmentId, text);
      void this.enqueue(() => this.api.applyEdit(this.meetingId, { kind: 'setText', segmentId, text })).then((result) => {
        if (result && this.drafts.get(segmentId) === text) {
          this.drafts.delete(segmentId);
          this.sent.delete(segmentId);
        }
        if (result) this.onResult(result);
        else if (this.sent.get(segmentId) === text) this.sent.delete(segmentId); // retried at the next flush
        this.emitStatus();
      });
    }
    return this.queue.then(() => undefined);
  }

  /** An edit other than typing: after the drafts, in order. Resolves with null when it failed. */
  async apply(op: EditOp): Promise<EditResult | null> {
    return this.run(() => this.api.applyEdit(this.meetingId, op));
  }

  undo(): Promise<EditResult | null> {
    return this.run(() => this.api.undo(this.meetingId));
  }
  redo(): Promise<EditResult | null> {
    return this.run(() => this.api.redo(this.meetingId));
  }

  status(): SaveStatus {
    if (this.busy > 0) return 'saving';
    for (const [id, text] of this.drafts) if (this.sent.get(id) !== text) return 'pending';
    return 'saved';
  }

  onStatus(listener: (s: SaveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private async run(call: () => Promise<EditResult>): Promise<EditResult | null> {
    void this.flush();
    const result = await this.enqueue(call);
    if (result) {
      // undo/redo and structural edits replace the server text: local drafts of those segments are void
      for (const s of result.changed) if (!this.drafts.has(s.id) || this.sent.get(s.id) === this.drafts.get(s.id)) this.drafts.delete(s.id);
      for (const id of result.removedIds) {
        this.drafts.delete(id);
        this.sent.delete(id);
      }
      this.onResult(result);
    }
    this.emitStatus();
    return result;
  }

  private enqueue(call: () => Promise<EditResult>): Promise<EditResult | null> {
    this.busy++;
    this.emitStatus();
    const next = this.queue
      .then(call)
      .then(
        (r) => r,
        (e: unknown) => {
          this.onError(e);
          return null;
        },
      )
      .finally(() => {
        this.busy--;
        this.emitStatus();
      });
    this.queue = next;
    return next;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.composing) return; // compositionend reschedules
      void this.flush();
    }, SAVE_DEBOUNCE_MS);
  }

  private emitStatus(): void {
    const s = this.status();
    for (const l of this.statusListeners) l(s);
  }
}
