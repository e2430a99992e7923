import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { CouncilSettings } from '../../native/common/api';
import { segmentCorrections, toggledText } from '../../native/common/correctionSpans';
import type { Transcript } from '../../native/common/transcript';
import { DEFAULT_CLEANUP_RULES } from '../../native/cleanup/cleanupRules';
import { DEFAULT_MINUTES_STYLE } from '../../native/export/minutes/minutesModel';
import { LATEST_VERSION, migrate, schemaVersion } from '../../native/store/migrations/index';
import { openStore } from '../../native/store/openStore';
import { sampleTranscript } from '../helpers/transcripts';
import { assertGijirokuError, HONKAIGI, freshDatabase, storePath, tempFolder, withStore } from './storeFixtures';

/** The engine's view: offsets in the text as recognised, before the applied replacement (みなとく → 港区). */
function correctedTranscript(): Transcript {
  const t = sampleTranscript();
  t.segments[1] = { ...t.segments[1]!, text: '港区のせんこう結果と、みなとくの予算。', tokens: [] };
  t.corrections = [
    { segment: 1, start: 0, end: 4, from: 'みなとく', to: '港区', term: '港区', applied: true },
    { segment: 1, start: 5, end: 9, from: 'せんこう', to: '選考', term: '選考', applied: false },
    { segment: 1, start: 13, end: 17, from: 'みなとく', to: '港区', term: '港区', applied: false },
    // does not fit the text: dropped rather than shown in the wrong place
    { segment: 2, start: 0, end: 3, from: 'ちがう', to: '違う', term: '違う', applied: false },
    // malformed, as a hand-edited JSON file might hold: skipped
    { segment: 2, start: 0, end: 3, from: 'ただ', to: undefined as unknown as string, term: '', applied: true },
  ];
  return t;
}

test('version 3 → 4: meetings stay, corrections and council settings tables are added with defaults', () => {
  const folder = tempFolder();
  try {
    const path = storePath(folder.dir);
    const db = freshDatabase(folder.dir);
    migrate(db, 3);
    db.prepare(
      `INSERT INTO meetings (title, body, date, place, created_at, updated_at) VALUES ('旧会議', '本会議', '2024-01-01', '', 'x', 'x')`,
    ).run();
    db.close();
    const store = openStore(path);
    try {
      assert.equal(store.listMeetings('')[0]?.title, '旧会議');
      assert.deepEqual(store.listCorrections(store.listMeetings('')[0]!.id), []);
      assert.deepEqual(store.getCouncilSettings(), { cleanupRules: DEFAULT_CLEANUP_RULES, minutesStyle: DEFAULT_MINUTES_STYLE });
    } finally {
      store.close();
    }
    const check = new Database(path);
    assert.equal(schemaVersion(check), LATEST_VERSION);
    check.close();
  } finally {
    folder.dispose();
  }
});

test(
  'corrections are stored at their place in the stored text, listed, dismissed, and replaced on re-import',
  withStore((store) => {
    const meeting = store.createMeeting(HONKAIGI, { path: '/recordings/本会議.flac', durationS: null });
    const view = store.importTranscript(meeting.id, correctedTranscript());
    const seg = view.segments[1]!;
    const list = store.listCorrections(meeting.id);
    assert.equal(list.length, 3, 'the one that does not fit is dropped');
    for (const c of list) {
      assert.equal(c.segmentId, seg.id);
      assert.equal(seg.text.slice(c.start, c.end), c.applied ? c.to : c.from, `${c.from} sits at ${c.start}`);
    }
    assert.deepEqual(
      list.map((c) => [c.start, c.end, c.applied]),
      [
        [0, 2, true],
        [3, 7, false],
        [11, 15, false],
      ],
    );

    // accepting through the edit machinery: the suggestion is then an applied correction; undo brings it back
    const spans = segmentCorrections(seg.text, list);
    assert.deepEqual(
      spans.map((s) => s.state),
      ['applied', 'suggested', 'suggested'],
    );
    const accepted = store.applyEdit(meeting.id, { kind: 'setText', segmentId: seg.id, text: toggledText(seg.text, spans[1]!) });
    assert.equal(accepted.changed[0]!.text, '港区の選考結果と、みなとくの予算。');
    assert.deepEqual(
      segmentCorrections(accepted.changed[0]!.text, list).map((s) => s.state),
      ['applied', 'applied', 'suggested'],
    );
    // reverting the applied one right after: offsets of the others move, they are still found
    const reverted = toggledText(accepted.changed[0]!.text, segmentCorrections(accepted.changed[0]!.text, list)[0]!);
    assert.equal(reverted, 'みなとくの選考結果と、みなとくの予算。');
    assert.deepEqual(
      segmentCorrections(reverted, list).map((s) => [s.state, s.start]),
      [
        ['suggested', 0],
        ['applied', 5],
        ['suggested', 11],
      ],
    );
    // the clerk rewrote the span: the correction disappears
    assert.deepEqual(
      segmentCorrections('港区の審査結果と、予算。', list).map((s) => s.correction.from),
      ['みなとく'],
    );
    assert.equal(store.undo(meeting.id).changed[0]!.text, seg.text);

    const afterDismiss = store.dismissCorrection(meeting.id, list[1]!.id);
    assert.equal(afterDismiss.find((c) => c.id === list[1]!.id)?.dismissed, true);
    assert.deepEqual(
      segmentCorrections(seg.text, afterDismiss).map((s) => s.correction.from),
      ['みなとく', 'みなとく'],
    );
    assertGijirokuError(() => store.dismissCorrection(meeting.id, 999_999), 'BAD_ARGUMENTS', /999999/);

    store.importTranscript(meeting.id, sampleTranscript());
    assert.deepEqual(store.listCorrections(meeting.id), [], 're-import replaces the corrections');
  }),
);

test(
  'council settings: saved, read back, refused when a pattern is broken, reset to defaults',
  withStore((store) => {
    const mine: CouncilSettings = {
      cleanupRules: [
        ...DEFAULT_CLEANUP_RULES.map((r) => (r.id === 'nanka' ? { ...r, enabled: false } : r)),
        { id: 'custom-1', pattern: 'ですね、', kind: 'custom', enabled: true },
      ],
      minutesStyle: { ...DEFAULT_MINUTES_STYLE, marks: 'circleOnly', honorific: '議員', numerals: 'kanji' },
    };
    assert.deepEqual(store.saveCouncilSettings(mine), mine);
    assert.deepEqual(store.getCouncilSettings(), mine);
    assertGijirokuError(
      () => store.saveCouncilSettings({ ...mine, cleanupRules: [{ id: 'x', pattern: '/(/', kind: 'custom', enabled: true }] }),
      'BAD_ARGUMENTS',
      /pattern/,
    );
    assert.deepEqual(store.getCouncilSettings(), mine, 'a refused save changes nothing');
    assert.deepEqual(store.resetCouncilSettings(), { cleanupRules: DEFAULT_CLEANUP_RULES, minutesStyle: DEFAULT_MINUTES_STYLE });
  }),
);
