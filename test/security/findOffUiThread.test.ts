// Issue 13: live Find ran the user's regex on the UI thread. A pattern that can run away is refused at
// once; one that passes the check but is slow runs in a worker and is stopped at its deadline, while
// the page keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { TranscriptView } from '../../native/common/api';
import { ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, openPage, startApp } from '../e2e/helpers/appProcess';
import { openBrowser } from '../e2e/helpers/browser';
import { seedMeetingWithoutSpeakers } from '../e2e/helpers/seedMeeting';

const skip = missingAppPieces();

test(
  'Find: an exponential pattern is refused at once; a slow one stops at its deadline and the editor keeps answering',
  { skip: skip ?? false },
  async () => {
    const dataDir = japaneseDataDir();
    const meetingId = seedMeetingWithoutSpeakers(dataDir, join(dataDir, '無音.flac'));
    const app = await startApp(dataDir);
    const browser = await openBrowser();
    try {
      const view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
      await callApi(app, 'applyEdit', meetingId, { kind: 'setText', segmentId: view.segments[0]!.id, text: 'え'.repeat(3000) });
      const { page } = browser;
      await openPage(page, app, `#/meeting/${meetingId}`);
      await page.locator('[data-testid=segment-text]').first().waitFor();
      await page.keyboard.press('Control+f');
      await page.getByRole('search').getByLabel('正規表現').check();
      const count = page.locator('.find-count');

      await page.locator('[data-testid=find-input]').fill('(え*)*x');
      await count.filter({ hasText: '時間がかかりすぎ' }).waitFor({ timeout: 1000 });

      await page.locator('[data-testid=find-input]').fill('.*.*.*.*x');
      // the page's own thread answers while the worker grinds (on the UI thread this froze for minutes)
      const frameMs = (await page.evaluate(
        `(async () => { const t = performance.now(); await new Promise((r) => requestAnimationFrame(r)); await new Promise((r) => setTimeout(r, 0)); return performance.now() - t; })()`,
      )) as number;
      assert.ok(frameMs < 500, `a frame took ${frameMs.toFixed(0)} ms`);
      await count.filter({ hasText: '時間がかかりすぎ' }).waitFor({ timeout: 5000 });

      await page.locator('[data-testid=find-input]').fill('協議');
      await count.filter({ hasText: /\/ [1-9]/ }).waitFor({ timeout: 3000 });
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      await page.locator('[data-testid=find-input]').fill('.*.*.*.*x');
      await count.filter({ hasText: '時間がかかりすぎ' }).waitFor({ timeout: 5000 });
      await page.screenshot({ path: join(ROOT, 'test-output', 'find-too-slow.png') });
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
