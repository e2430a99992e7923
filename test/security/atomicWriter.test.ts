// Issue 13, "predictable temp names": main wrote NAME.tmp-PID with a plain write that follows links,
// so another account that can write to the folder planted that name as a link to one of the clerk's
// files (the database included) and the next export overwrote it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAtomicFile, removeTempOrphans, tempNameFor, writeFileAtomic } from '../../native/files/writeFileAtomic';
import { tempDir } from '../helpers/fixtures';

test('a link another account plants under the old temporary name does not redirect the write', () => {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  const shared = join(dir, 'shared');
  mkdirSync(shared);
  chmodSync(shared, 0o1777); // a folder every account may write to, like /tmp or a shared export folder
  const victim = join(dir, 'gijiroku.sqlite');
  writeFileSync(victim, 'the database');
  const target = join(shared, '会議録.txt');
  const planted = spawnSync('runuser', ['-u', 'nobody', '--', 'ln', '-s', victim, `${target}.tmp-${process.pid}`]);
  assert.equal(planted.status, 0, planted.stderr.toString());

  writeFileAtomic(target, '本文');
  assert.equal(readFileSync(victim, 'utf8'), 'the database', "the clerk's file is untouched");
  assert.equal(readFileSync(target, 'utf8'), '本文');
  assert.equal(statSync(target).mode & 0o777, 0o600, 'owner-only');
});

test('the temporary name is random, in the same folder, and an existing entry of that name is never opened', () => {
  const dir = tempDir();
  const target = join(dir, 'out.docx');
  const a = tempNameFor(target);
  const b = tempNameFor(target);
  assert.notEqual(a, b);
  assert.match(a, /\/\.out\.docx\.[0-9a-f]{16}\.gtmp$/);
  // O_EXCL: had another account guessed the name, the create fails instead of writing through its link
  const file = openAtomicFile(target);
  assert.throws(() => openSync(file.tempPath, 'wx'), /EEXIST/);
  file.abort();
  assert.deepEqual(readdirSync(dir), []);
});

test('orphans of a crash are removed at start; young ones (another copy writing) and links are left', () => {
  const dir = tempDir();
  const old = join(dir, '.a.txt.0123456789abcdef.gtmp');
  const young = join(dir, '.b.txt.fedcba9876543210.gtmp');
  const other = join(dir, 'notes.txt');
  for (const p of [old, young, other]) writeFileSync(p, 'x');
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(old, past, past);
  utimesSync(other, past, past);
  assert.deepEqual(removeTempOrphans(dir), [old]);
  assert.ok(!existsSync(old) && existsSync(young) && existsSync(other));
});
