import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/fixtures';
import { startHeadless } from '../app/appFixtures';

test('start.mjs --headless: the address is the first line, the launch file the second, the app answers, SIGTERM stops it cleanly', async () => {
  const dataDir = tempDir();
  const app = await startHeadless(dataDir);
  const exited = new Promise<number | null>((resolve) => app.child.on('exit', (code) => resolve(code)));
  try {
    assert.match(app.firstLine, /^Gijiroku: http:\/\/127\.0\.0\.1:\d+\/$/, 'the address, never the token');
    assert.ok(app.token.length >= 40, "the launch file's code gave the session");
    assert.ok(!existsSync(app.launchFile), 'the launch file is gone once used');
    const page = await fetch(`${app.origin}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.deepEqual(await app.call('listMeetings', ['']), []);
    assert.ok(existsSync(join(dataDir, 'gijiroku.sqlite')), 'the database lives in GIJIROKU_DATA_DIR');
  } finally {
    app.child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, app.stderr());
});
