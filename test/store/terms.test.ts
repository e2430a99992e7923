import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { TermEntry } from '../../native/dictionary/termEntry';
import { LATEST_VERSION, migrate, schemaVersion } from '../../native/store/migrations/index';
import { openStore } from '../../native/store/openStore';
import { assertGijirokuError, freshDatabase, HONKAIGI, storePath, tempFolder } from './storeFixtures';

function entry(surface: string, reading: string, extra: Partial<TermEntry> = {}): TermEntry {
  return { surface, reading, kind: '地名', misrecognitions: [], enabled: true, note: '', ...extra };
}

function withStore(f: (store: ReturnType<typeof openStore>) => void): void {
  const folder = tempFolder();
  const store = openStore(storePath(folder.dir));
  try {
    f(store);
  } finally {
    store.close();
    folder.dispose();
  }
}

test('version 2 → 3: meetings are kept and the term dictionary starts empty and usable', () => {
  const folder = tempFolder();
  try {
    const path = storePath(folder.dir);
    const db = freshDatabase(folder.dir);
    migrate(db, 2);
    const now = '2024-01-01T00:00:00.000Z';
    db.prepare(
      "INSERT INTO meetings (id, title, body, date, place, status, created_at, updated_at) VALUES (5, '第4回定例会', '本会議', '2024-01-01', '議場', 'new', ?, ?)",
    ).run(now, now);
    db.close();

    const store = openStore(path);
    try {
      assert.deepEqual(
        store.listMeetings('').map((m) => [m.id, m.title]),
        [[5, '第4回定例会']],
      );
      assert.deepEqual(
        store.listMeetings('定例会').map((m) => m.id),
        [5],
      );
      assert.deepEqual(store.listTerms(), []);
      const saved = store.saveTerm(entry('芝浦港南', 'シバウラ コウナン', { misrecognitions: ['芝浦公南'] }));
      assert.equal(saved.reading, 'しばうらこうなん', 'katakana and blanks are stored as hiragana');
      assert.deepEqual(store.listTerms(), [saved]);
    } finally {
      store.close();
    }
    const check = new Database(path);
    assert.equal(schemaVersion(check), LATEST_VERSION);
    const cols = (check.prepare('PRAGMA table_info(terms)').all() as { name: string }[]).map((c) => c.name);
    assert.deepEqual(cols, ['id', 'surface', 'reading', 'kind', 'misrecognitions', 'enabled', 'note', 'updated_at']);
    check.close();
  } finally {
    folder.dispose();
  }
});

test('replaceTerms merge adds new terms and updates those with the same 表記+よみ', () => {
  withStore((store) => {
    assert.deepEqual(store.replaceTerms([entry('港区', 'みなとく'), entry('芝浦港南', 'しばうらこうなん')], 'merge'), {
      added: 2,
      updated: 0,
    });
    const before = store.listTerms();
    const r = store.replaceTerms(
      [entry('港区', 'みなとく', { note: '区名', enabled: false }), entry('麻布十番', 'あざぶじゅうばん')],
      'merge',
    );
    assert.deepEqual(r, { added: 1, updated: 1 });
    const after = store.listTerms();
    assert.equal(after.length, 3);
    const minato = after.find((t) => t.surface === '港区');
    assert.equal(minato?.id, before.find((t) => t.surface === '港区')?.id, 'an updated term keeps its id');
    assert.deepEqual([minato?.note, minato?.enabled], ['区名', false]);
    assert.ok(
      after.some((t) => t.surface === '芝浦港南'),
      'merge keeps terms not in the file',
    );
  });
});

test('replaceTerms replace makes the file the whole dictionary, keeping ids of kept terms', () => {
  withStore((store) => {
    store.replaceTerms([entry('港区', 'みなとく'), entry('芝浦港南', 'しばうらこうなん')], 'merge');
    const minatoId = store.listTerms().find((t) => t.surface === '港区')?.id;
    assert.deepEqual(store.replaceTerms([entry('港区', 'みなとく'), entry('三田', 'みた')], 'replace'), { added: 1, updated: 1 });
    const after = store.listTerms();
    assert.deepEqual(after.map((t) => t.surface).sort(), ['三田', '港区'].sort());
    assert.equal(after.find((t) => t.surface === '港区')?.id, minatoId);
  });
});

test('replaceTerms is one transaction: a bad entry leaves the dictionary as it was', () => {
  withStore((store) => {
    store.replaceTerms([entry('港区', 'みなとく')], 'merge');
    const before = store.listTerms();
    assertGijirokuError(() => store.replaceTerms([entry('三田', 'みた'), entry('品川', '品川')], 'replace'), 'BAD_ARGUMENTS', /品川/);
    assert.deepEqual(store.listTerms(), before);
    // an empty kind anywhere in the list refuses the whole list (any written kind is fine)
    const bad = [entry('三田', 'みた'), { ...entry('高輪', 'たかなわ'), kind: '' }] as unknown as TermEntry[];
    assertGijirokuError(() => store.replaceTerms(bad, 'replace'), 'BAD_ARGUMENTS');
    assert.deepEqual(store.listTerms(), before);
  });
});

test('表記+よみ is unique: saveTerm refuses a duplicate, the table refuses it too', () => {
  withStore((store) => {
    const a = store.saveTerm(entry('港区', 'みなとく'));
    const b = store.saveTerm(entry('港区', 'こうく', { note: '読み違い' }));
    assert.notEqual(a.id, b.id);
    assertGijirokuError(() => store.saveTerm(entry('港区', 'みなとく')), 'BAD_ARGUMENTS', /港区/);
    assertGijirokuError(() => store.saveTerm({ ...entry('港区', 'みなとく'), id: b.id }), 'BAD_ARGUMENTS', /すでに/);
    const changed = store.saveTerm({ ...entry('港区', 'みなとく', { misrecognitions: ['湊区', '湊区'], note: '区名' }), id: a.id });
    assert.deepEqual([changed.id, changed.misrecognitions, changed.note], [a.id, ['湊区'], '区名']);
    assert.equal(store.listTerms().length, 2);
    store.deleteTerm(b.id);
    assert.deepEqual(
      store.listTerms().map((t) => t.id),
      [a.id],
    );
    assertGijirokuError(() => store.deleteTerm(b.id), 'BAD_ARGUMENTS', /用語/);
    assertGijirokuError(() => store.saveTerm({ ...entry('三田', 'みた'), id: 999 }), 'BAD_ARGUMENTS', /999/);
    assertGijirokuError(() => store.saveTerm(entry('', 'みた')), 'BAD_ARGUMENTS');
    // the unique index itself, below the store's own check
    const db = new Database(store.path);
    try {
      assert.throws(
        () => db.prepare("INSERT INTO terms (surface, reading, kind, updated_at) VALUES ('港区', 'みなとく', '地名', 'x')").run(),
        /UNIQUE/,
      );
    } finally {
      db.close();
    }
  });
});

test('terms do not disturb meetings', () => {
  withStore((store) => {
    const m = store.createMeeting(HONKAIGI, { path: '/r/a.wav', durationS: 10 });
    store.replaceTerms([entry('港区', 'みなとく')], 'replace');
    assert.equal(store.getMeeting(m.id).title, HONKAIGI.title);
  });
});
