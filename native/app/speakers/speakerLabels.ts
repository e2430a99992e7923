// The API's "who spoke" calls: labels from the chair's calls and from known voices, written to the
// store without overriding a choice the clerk made.
import { resolve } from 'node:path';
import type { SpeakerLabelRow } from '../../common/speakers';
import { loadTokenizer } from '../../dictionary/loadTokenizer';
import { labelFromCalls } from '../../speakers/labelFromCalls';
import { loadRosterFile } from '../../speakers/loadRosterFile';
import { readingOfText } from '../../speakers/readingOfText';
import type { MeetingStore } from '../../store/meetingStoreContract';
import type { RosterRow } from '../../common/speakers';

export function importRosterFile(store: MeetingStore, meetingId: number, path: string): RosterRow[] {
  store.getMeeting(meetingId);
  return store.replaceRoster(meetingId, loadRosterFile(resolve(path)));
}

export async function suggestSpeakerLabels(store: MeetingStore, meetingId: number): Promise<SpeakerLabelRow[]> {
  const view = store.getTranscript(meetingId);
  const roster = store.getRoster(meetingId);
  const label = new Map(view.speakers.map((s) => [s.id, s.label]));
  const pieces = view.segments.map((s) => ({
    speaker: s.speakerId === null ? null : (label.get(s.speakerId) ?? null),
    text: s.text,
    start: s.start,
  }));
  const readingOf = readingOfText(await loadTokenizer());
  const current = new Map(store.listSpeakerLabels(meetingId).map((l) => [l.speakerId, l]));
  for (const l of labelFromCalls(pieces, roster, readingOf).labels) {
    const speaker = view.speakers.find((s) => s.label === l.speaker);
    if (!speaker) continue;
    const before = current.get(speaker.id);
    if (before && (before.source === 'clerk' || before.confidence >= l.confidence)) continue;
    store.setSpeakerLabel(meetingId, speaker.id, {
      rosterId: roster[l.member]!.id,
      source: l.source,
      confidence: l.confidence,
      reason: l.reason,
    });
  }
  return store.labelKnownVoices(meetingId);
}

export function setSpeakerMember(store: MeetingStore, meetingId: number, speakerId: number, rosterId: number | null): SpeakerLabelRow[] {
  return store.setSpeakerLabel(meetingId, speakerId, {
    rosterId,
    source: 'clerk',
    confidence: 1,
    reason: rosterId === null ? '' : '書記が選択',
  });
}
