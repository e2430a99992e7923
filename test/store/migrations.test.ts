import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../native/store/migrations/index';
import { openDatabase, openStore } from '../../native/store/openStore';
import { assertGijirokuError, freshDatabase as fresh, storePath, tempFolder } from './storeFixtures';

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

test('migrations are numbered 1, 2, … without gaps', () => {
  assert.deepEqual(
    MIGRATIONS.map((m) => m.version),
    MIGRATIONS.map((_, i) => i + 1),
  );
  assert.equal(LATEST_VERSION, MIGRATIONS.length);
  assert.ok(LATEST_VERSION >= 2);
});

test('each migration applies to an empty file, and openStore sets WAL, FULL sync and foreign keys', () => {
  for (const m of MIGRATIONS) {
    const folder = tempFolder();
    try {
      const db = fresh(folder.dir);
      migrate(db, m.version);
      assert.equal(schemaVersion(db), m.version);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.ok(tables(db).includes('segments'));
      assert.equal(tables(db).includes('segments_fts'), m.version >= 2);
      db.close();
    } finally {
      folder.dispose();
    }
  }
  const folder = tempFolder();
  try {
    const store = openStore(storePath(folder.dir));
    store.close();
    const db = new Database(storePath(folder.dir));
    assert.equal(schemaVersion(db), LATEST_VERSION);
    assert.deepEqual(
      ['edits', 'jobs', 'listened', 'media_files', 'meetings', 'roster', 'segments', 'speakers'].filter((t) => !tables(db).includes(t)),
      [],
    );
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
    const again = openStore(storePath(folder.dir));
    assert.deepEqual(again.listMeetings(''), []);
    again.close();
  } finally {
    folder.dispose();
  }
});

test('the store connection runs WAL, FULL sync, foreign keys and a busy timeout', () => {
  const folder = tempFolder();
  try {
    const db = openDatabase(storePath(folder.dir));
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.ok((db.pragma('busy_timeout', { simple: true }) as number) >= 1000);
    assert.throws(
      () => db.prepare("INSERT INTO segments (meeting_id, seq, start_s, end_s, text) VALUES (999, 1, 0, 1, 'x')").run(),
      /FOREIGN KEY/,
    );
    db.close();
  } finally {
    folder.dispose();
  }
});

test('version 1 → 2: transcripts written before search existed are found after the upgrade', () => {
  const folder = tempFolder();
  try {
    const db = fresh(folder.dir);
    migrate(db, 1);
    const now = '2023-06-01T00:00:00.000Z';
    db.prepare(
      "INSERT INTO meetings (id, title, body, date, place, status, duration_s, created_at, updated_at) VALUES (7, '予算特別委員会', '委員会', '2023-06-01', '第1委員会室', 'ready', 120, ?, ?)",
    ).run(now, now);
    db.prepare("INSERT INTO media_files (meeting_id, path, duration_s) VALUES (7, '/r/予算.wav', 120)").run();
    db.prepare("INSERT INTO speakers (id, meeting_id, label, name, role, color) VALUES (3, 7, 'S1', '田中', '委員長', '#0072B2')").run();
    db.prepare(
      "INSERT INTO segments (id, meeting_id, seq, start_s, end_s, speaker_id, text, tokens) VALUES (11, 7, 1024, 0, 5, 3, 'ただいまから予算特別委員会を開会します。', '[]')",
    ).run();
    db.prepare(
      "INSERT INTO segments (id, meeting_id, seq, start_s, end_s, speaker_id, text, tokens) VALUES (12, 7, 2048, 5, 9, NULL, '区長の答弁を求めます。', '[[5,6,\"区長\",0.9]]')",
    ).run();
    db.prepare('INSERT INTO listened (meeting_id, start_s, end_s) VALUES (7, 0, 30)').run();
    db.close();

    const store = openStore(storePath(folder.dir));
    try {
      const view = store.getTranscript(7);
      assert.deepEqual(
        view.segments.map((s) => [s.id, s.text, s.speakerId]),
        [
          [11, 'ただいまから予算特別委員会を開会します。', 3],
          [12, '区長の答弁を求めます。', null],
        ],
      );
      assert.deepEqual(view.segments[1]?.tokens, [{ start: 5, end: 6, text: '区長', p: 0.9 }]);
      assert.deepEqual(
        view.speakers.map((s) => [s.id, s.name, s.role]),
        [[3, '田中', '委員長']],
      );
      assert.deepEqual(store.getCoverage(7), [[0, 30]]);
      const found = store.listMeetings('開会します');
      assert.deepEqual(
        found.map((m) => m.id),
        [7],
      );
      assert.match(found[0]?.match ?? '', /開会します/);
      assert.deepEqual(
        store.listMeetings('特別委員').map((m) => m.id),
        [7],
      );
      // the new triggers keep the index in step with edits made after the upgrade
      store.applyEdit(7, { kind: 'setText', segmentId: 11, text: 'ただいまから決算特別委員会を開会します。' });
      assert.deepEqual(
        store.listMeetings('決算特別').map((m) => m.id),
        [7],
      );
      assert.deepEqual(store.listMeetings('予算特別委員会を'), []);
    } finally {
      store.close();
    }
    const check = new Database(storePath(folder.dir));
    assert.equal(schemaVersion(check), LATEST_VERSION);
    check.prepare("INSERT INTO segments_fts (segments_fts) VALUES ('integrity-check')").run();
    check.close();
  } finally {
    folder.dispose();
  }
});

test('a database from a newer app version is refused and left untouched', () => {
  const folder = tempFolder();
  try {
    const db = fresh(folder.dir);
    db.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('次の版のデータ');");
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const path = storePath(folder.dir);
    const before = { hash: digest(path), files: readdirSync(dirname(path)) };
    assertGijirokuError(
      () => openStore(path),
      'BAD_ARGUMENTS',
      /新しいバージョン/,
      /変更していません/,
      /newer version/,
      /Nothing was changed/,
    );
    assert.deepEqual({ hash: digest(path), files: readdirSync(dirname(path)) }, before);
  } finally {
    folder.dispose();
  }
});

test('a file that is not a database is refused and left untouched', () => {
  const folder = tempFolder();
  try {
    const path = join(folder.dir, '議事録.sqlite');
    writeFileSync(path, 'これはデータベースではありません'.repeat(20));
    const hash = digest(path);
    assertGijirokuError(() => openStore(path), 'INPUT_CORRUPT', /壊れている/, /damaged/);
    assert.equal(digest(path), hash);
    assert.deepEqual(readdirSync(folder.dir), ['議事録.sqlite']);
  } finally {
    folder.dispose();
  }
});
