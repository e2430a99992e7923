// The library's 削除: a confirmation that says what goes, then the meeting is gone from the list and the store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingSummary } from '../../native/common/api';
import { ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, openPage, startApp } from '../e2e/helpers/appProcess';
import { openBrowser } from '../e2e/helpers/browser';
import { seedMeetingWithoutSpeakers } from '../e2e/helpers/seedMeeting';

const skip = missingAppPieces();

test('deleting a meeting from the library asks first; "keep" keeps it, "delete for good" removes it', { skip: skip ?? false }, async () => {
  const dataDir = japaneseDataDir();
  seedMeetingWithoutSpeakers(dataDir, join(dataDir, '無音.flac'));
  const app = await startApp(dataDir);
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await openPage(page, app);
    await page.locator('[data-testid=meeting-row]').first().waitFor();
    await page.locator('[data-testid=delete-meeting]').first().click();
    const dialog = page.locator('[data-testid=delete-meeting-dialog]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /話者なしの会議[\s\S]*元に戻せません/);
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'delete-meeting-confirm.png') });
    await page.getByRole('button', { name: '削除しない' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await callApi<MeetingSummary[]>(app, 'listMeetings', '')).length, 1, 'kept');

    await page.locator('[data-testid=delete-meeting]').first().click();
    await page.locator('[data-testid=confirm-delete-meeting]').click();
    await page.locator('.empty').waitFor();
    assert.deepEqual(await callApi<MeetingSummary[]>(app, 'listMeetings', ''), []);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    await app.close();
  }
});
