// kill -9 in the middle of editing: every edit acknowledged before the kill is there afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../../native/store/openStore';
import { sampleMeeting, storePath, tempFolder } from './storeFixtures';

const ROUNDS = 3;
const MIN_ACKS = 20;

/** Runs the child until it has acknowledged ≥ MIN_ACKS edits, then SIGKILLs it a random moment later. */
function editUntilKilled(path: string, meetingId: number, first: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'crashChild.js'), path, String(meetingId), String(first)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let pending = '';
    let stderr = '';
    let killScheduled = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) acked.push(Number(line));
      if (!killScheduled && acked.length >= MIN_ACKS) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}) before the kill: ${stderr}`));
      else resolve(acked);
    });
  });
}

test('edits acknowledged before kill -9 survive it, and the file stays intact', async () => {
  const folder = tempFolder();
  try {
    const path = storePath(folder.dir);
    const setup = openStore(path);
    const { meetingId, view } = sampleMeeting(setup);
    setup.close();
    const segmentIds = view.segments.map((s) => s.id);

    let next = 0;
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const acked = await editUntilKilled(path, meetingId, next);
      assert.ok(acked.length >= MIN_ACKS, `round ${round}: ${acked.length} acknowledgements`);
      total += acked.length;

      const db = new Database(path);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      db.prepare("INSERT INTO segments_fts (segments_fts) VALUES ('integrity-check')").run();
      const committed = new Set(
        (db.prepare('SELECT op FROM edits WHERE meeting_id = ? AND undone = 0').all(meetingId) as { op: string }[]).map((r) =>
          Number(/編集(\d+)：/.exec((JSON.parse(r.op) as { text: string }).text)?.[1]),
        ),
      );
      const missing = acked.filter((n) => !committed.has(n));
      assert.deepEqual(missing, [], `round ${round}: acknowledged edits missing after the kill`);
      // each segment shows its latest committed edit, never one older than the last acknowledged
      const last = Math.max(...committed);
      for (const [i, id] of segmentIds.entries()) {
        const row = db.prepare('SELECT text FROM segments WHERE id = ?').get(id) as { text: string };
        const shown = Number(/編集(\d+)：/.exec(row.text)?.[1]);
        const latest = Math.max(...[...committed].filter((n) => n % segmentIds.length === i));
        assert.equal(shown, latest, `segment ${id}`);
      }
      db.close();
      next = last + 1;
    }
    const store = openStore(path);
    const after = store.getTranscript(meetingId);
    assert.equal(after.canUndo, true);
    assert.equal(store.undo(meetingId).changed.length, 1, 'the history written before the kills still undoes');
    store.close();
    console.log(`# ${ROUNDS} kills, ${total} acknowledged edits, all present`);
  } finally {
    folder.dispose();
  }
});
