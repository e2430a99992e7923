// Run by noNetwork.test.ts inside a network namespace (only loopback) under strace: a clerk's whole
// session — the app (`start.mjs --headless`), Chromium importing a recording through the page,
// transcription with the real model, an edit, exports (term file as the page's download, .docx/.txt
// through the CLI). Prints one JSON line with what happened; strace records every connect().
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Job, MeetingSummary, TranscriptView } from '../../native/common/api';
import { startHeadless, killTree, waitFor } from '../app/appFixtures';
import { openBrowser } from '../e2e/helpers/browser';
import { CLI, tempDir } from '../helpers/fixtures';
import { SESSION_COOKIE } from '../helpers/launchSession';

const [clip, model] = process.argv.slice(2);
if (!clip || !model) throw new Error('usage: offlineSession CLIP MODEL');
const TITLE = '交通対策特別委員会（オフライン）';

async function main(): Promise<void> {
  const dir = tempDir('gijiroku-offline-');
  const app = await startHeadless(join(dir, 'data'));
  const browser = await openBrowser();
  const result: Record<string, unknown> = { pid: process.pid, appPid: app.child.pid };
  try {
    const { page } = browser;
    // the session the launch file's one-time code gave (startHeadless redeemed it)
    await browser.context.addCookies([
      { name: SESSION_COOKIE, value: app.token, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Strict' },
    ]);
    await page.goto(app.firstLine.replace(/^Gijiroku: /, ''));
    await page.locator('[data-testid=import-file]').setInputFiles(clip!);
    await page.locator('input[name=title]').fill(TITLE);
    await page.locator('input[name=body]').fill('交通対策特別委員会');
    await page.getByRole('button', { name: '文字起こし開始' }).click();
    const meeting = await waitFor('the meeting', 20_000, async () =>
      (await app.call<MeetingSummary[]>('listMeetings', [''])).find((m) => m.title === TITLE),
    );
    const job = await waitFor('transcription', 120_000, async () =>
      (await app.call<Job[]>('listJobs', [])).find((j) => j.meetingId === meeting.id && (j.state === 'done' || j.state === 'failed')),
    );
    result['job'] = job.state;
    result['model'] = job.model;
    const view = await app.call<TranscriptView>('getTranscript', [meeting.id]);
    result['segments'] = view.segments.length;
    const first = view.segments[0];
    if (first) await app.call('applyEdit', [meeting.id, { kind: 'setText', segmentId: first.id, text: `${first.text}（確認済み）` }]);
    await page.reload();
    // the list is fetched after the page loads: wait for the row rather than count at once
    result['pageShowsMeeting'] = await page
      .locator('[data-testid=meeting-row]', { hasText: TITLE })
      .first()
      .waitFor({ timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    await app.call('saveTerm', [
      { surface: 'ちいばす', reading: 'ちいばす', kind: '施設名', misrecognitions: [], enabled: true, note: '' },
    ]);
    const terms = join(dir, '用語辞書.csv');
    writeFileSync(terms, Buffer.from(await app.call<string>('exportTermsBase64', ['csv', 'shift_jis']), 'base64'));
    const docx = join(dir, '会議録.docx');
    const txt = join(dir, '会議録.txt');
    const cli = spawnSync(process.execPath, [CLI, 'transcribe', clip!, '--model', model!, '--docx', docx, '--txt', txt], {
      env: { ...process.env, GIJIROKU_JOBS_DIR: join(dir, 'jobs') },
      encoding: 'utf8',
    });
    result['cliExit'] = cli.status;
    result['exports'] = [terms, docx, txt].map((p) => (existsSync(p) ? statSync(p).size : 0));
    result['pageErrors'] = browser.errors;
  } finally {
    await browser.close();
    await killTree(app.child, 'SIGTERM');
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`offline session failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
