// Issue 13, "data readable by others": the data folder, database, WAL, recordings, uploads and job
// folders (a job's audio.s16le is the whole decoded meeting) were made 0755/0644 under the usual umask,
// so another account on the shared PC read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBridgeApp } from '../../native/bridge/startBridgeApp';
import { tempDir } from '../helpers/fixtures';

const asNobody = (...cmd: string[]) => spawnSync('runuser', ['-u', 'nobody', '--', ...cmd], { encoding: 'utf8' });

function modes(dir: string, out: Record<string, number> = {}, base = dir): Record<string, number> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    out[full.slice(base.length + 1)] = st.mode & 0o777;
    if (st.isDirectory()) modes(full, out, base);
  }
  return out;
}

test('a data folder an older version left open is made owner-only at start, and everything new is too', async () => {
  const parent = tempDir();
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'data');
  process.umask(0o022);
  for (const sub of ['media', 'recordings', join('jobs', 'abc')]) mkdirSync(join(dataDir, sub), { recursive: true, mode: 0o755 });
  writeFileSync(join(dataDir, 'media', '秘密会.flac'), 'audio', { mode: 0o644 });
  writeFileSync(join(dataDir, 'jobs', 'abc', 'audio.s16le'), 'pcm', { mode: 0o644 });
  writeFileSync(join(dataDir, 'recordings', 'rec-000001.wav'), 'wav', { mode: 0o644 });
  assert.equal(
    asNobody('cat', join(dataDir, 'jobs', 'abc', 'audio.s16le')).stdout,
    'pcm',
    'before: another account reads the decoded audio',
  );

  const app = await startBridgeApp({ dataDir, staticDir: tempDir() });
  try {
    const up = await fetch(`${app.bridge.origin}/upload?name=${encodeURIComponent('新しい.wav')}`, {
      method: 'POST',
      body: 'x',
      headers: { Authorization: `Bearer ${app.bridge.token}` },
    });
    assert.equal(up.status, 200);
    await fetch(`${app.bridge.origin}/api/saveTerm`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.bridge.token}` },
      body: JSON.stringify([{ surface: '議会', reading: 'ぎかい', kind: 'その他', misrecognitions: [], enabled: true, note: '' }]),
    });
    const found = modes(dataDir);
    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
    for (const [path, mode] of Object.entries(found)) {
      const dir = statSync(join(dataDir, path)).isDirectory();
      assert.equal(mode, dir ? 0o700 : 0o600, `${path}: ${mode.toString(8)}`);
    }
    for (const f of ['gijiroku.sqlite', 'gijiroku.sqlite-wal', join('media', '新しい.wav')]) assert.ok(f in found, `${f} exists`);
    for (const f of ['gijiroku.sqlite', join('jobs', 'abc', 'audio.s16le'), join('media', '秘密会.flac')]) {
      const r = asNobody('cat', join(dataDir, f));
      assert.notEqual(r.status, 0, `another account cannot read ${f}`);
    }
    assert.notEqual(asNobody('ls', dataDir).status, 0, 'nor list the folder');
  } finally {
    await app.close();
    process.umask(0o022);
  }
});
