import type { EditResult, Segment, TranscriptView } from '../../../../../native/common/api';

/** The transcript after the service reported what an edit (or undo/redo) changed. */
export function applyEditResult(view: TranscriptView, result: EditResult): TranscriptView {
  const removed = new Set(result.removedIds);
  const changed = new Map(result.changed.map((s) => [s.id, s]));
  const segments: Segment[] = [];
  for (const s of view.segments) {
    if (removed.has(s.id)) continue;
    const next = changed.get(s.id);
    if (next) changed.delete(s.id);
    segments.push(next ?? s);
  }
  segments.push(...changed.values());
  segments.sort((a, b) => a.seq - b.seq);
  return { ...view, segments, speakers: result.speakers, canUndo: result.canUndo, canRedo: result.canRedo };
}
