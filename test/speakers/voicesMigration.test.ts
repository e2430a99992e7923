import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrate, schemaVersion } from '../../native/store/migrations/index';
import { encodeEmbedding } from '../../native/store/speakerQueries';
import { freshDatabase, tempFolder } from '../store/storeFixtures';

test('migration 5 adds speaker_labels and voices to a version-3 file with meetings; voices go with their meeting', () => {
  const folder = tempFolder();
  try {
    const db = freshDatabase(folder.dir);
    migrate(db, 3);
    const now = '2024-12-01T00:00:00.000Z';
    db.prepare("INSERT INTO meetings (title, date, created_at, updated_at) VALUES ('m', '2024-12-01', ?, ?)").run(now, now);
    db.prepare("INSERT INTO speakers (meeting_id, label, color) VALUES (1, 'S1', '#000')").run();
    db.prepare("INSERT INTO roster (meeting_id, name, role) VALUES (1, '小林宏', '委員長')").run();
    migrate(db, 5);
    assert.equal(schemaVersion(db), 5);
    db.pragma('foreign_keys = ON');
    db.prepare(
      "INSERT INTO speaker_labels (speaker_id, roster_id, source, confidence, reason) VALUES (1, 1, 'roster-call', 0.9, 'r')",
    ).run();
    db.prepare('INSERT INTO voices (name, yomi, meeting_id, embedding, updated_at) VALUES (?, ?, 1, ?, ?)').run(
      '小林宏',
      '',
      encodeEmbedding([0.6, 0.8]),
      now,
    );
    assert.throws(() => db.prepare("INSERT INTO speaker_labels (speaker_id, source) VALUES (1, 'guess')").run(), /CHECK|UNIQUE/);
    // the roster entry goes: the label stays, without an entry
    db.prepare('DELETE FROM roster').run();
    assert.deepEqual(db.prepare('SELECT roster_id FROM speaker_labels').all(), [{ roster_id: null }]);
    db.prepare('DELETE FROM meetings').run();
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM voices').get(), { n: 0 });
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM speaker_labels').get(), { n: 0 });
    db.close();
  } finally {
    folder.dispose();
  }
});
