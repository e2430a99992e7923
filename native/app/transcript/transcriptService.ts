// The transcript and the clerk's work on it: edits (a regex replace-all in the regex worker, with a
// deadline), undo/redo, what was listened to, the review pass, term corrections, ケバ取り spans.
import type { TranscriptApi } from '../../common/api';
import { GijirokuError } from '../../common/errors';
import { unsafePattern } from '../../common/regexSafety';
import type { MeetingStore } from '../../store/meetingStoreContract';
import type { RegexRunner } from '../regexRunner';

export interface TranscriptServiceOptions {
  store: MeetingStore;
  /** user regexes (ケバ取り rules, replace-all) run in a worker thread with a deadline */
  regex: RegexRunner;
}

export function createTranscriptService({ store, regex }: TranscriptServiceOptions): TranscriptApi {
  return {
    async getTranscript(meetingId) {
      return store.getTranscript(meetingId);
    },
    async applyEdit(meetingId, op) {
      if (op.kind !== 'replaceAll' || !op.regex) return store.applyEdit(meetingId, op);
      const unsafe = unsafePattern(op.find);
      if (unsafe) throw new GijirokuError('BAD_ARGUMENTS', unsafe);
      store.getMeeting(meetingId);
      return regex.replaceAll(store.path, meetingId, op);
    },
    async undo(meetingId) {
      return store.undo(meetingId);
    },
    async redo(meetingId) {
      return store.redo(meetingId);
    },
    async recordListened(meetingId, from, to) {
      return store.recordListened(meetingId, from, to);
    },
    async getCoverage(meetingId) {
      return store.getCoverage(meetingId);
    },
    async getReview(meetingId) {
      return store.getReview(meetingId);
    },
    async confirmReviewStretch(meetingId, stretchId) {
      return store.confirmReviewStretch(meetingId, stretchId);
    },
    async listCorrections(meetingId) {
      return store.listCorrections(meetingId);
    },
    async dismissCorrection(meetingId, correctionId) {
      return store.dismissCorrection(meetingId, correctionId);
    },
    async cleanTexts(texts) {
      return regex.cleanTexts(texts, store.getCouncilSettings().cleanupRules);
    },
  };
}
