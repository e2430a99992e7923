// Settings live in the data folder's database, not in the page: in browser mode the bridge
// listens on a new port at every start (a new origin, an empty localStorage), and what the
// clerk chose is still there. What an earlier version kept in localStorage is taken over once.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AppSettings } from '../../native/common/settings';
import { ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, startApp, type RunningApp } from './helpers/appProcess';
import { openEditor, type OpenEditor } from './helpers/openEditor';
import { seedMeetingWithoutSpeakers } from './helpers/seedMeeting';

const inPage = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;
const audioTime = (page: Page) => inPage<number>(page, `document.querySelector('[data-testid=audio]').currentTime`);

async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test(
  "settings survive a restart on a new port; an earlier version's localStorage is taken over once",
  { skip: missingAppPieces() ?? false },
  async () => {
    const dataDir = japaneseDataDir();
    const meetingId = seedMeetingWithoutSpeakers(dataDir, join(dataDir, '無音 録音.flac'));
    let app: RunningApp | null = await startApp(dataDir);
    let editor: OpenEditor | null = null;
    try {
      const firstOrigin = app.origin;
      // what an earlier version left in this browser's localStorage, there before the page's first script runs
      editor = await openEditor(app, meetingId, {
        beforeLoad: `if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('gijiroku.editorSettings', JSON.stringify({ seekSeconds: 7, shortcuts: { play: ['F9'] } }));
        localStorage.setItem('gijiroku.position.${meetingId}', '12.5');
        localStorage.setItem('gijiroku.unrelated', 'kept');
      }`,
      });
      let page = editor.page;
      await waitUntil('the old position restored', async () => Math.abs((await audioTime(page)) - 12.5) < 0.01);
      assert.deepEqual(await inPage(page, `Object.keys(localStorage).sort()`), ['gijiroku.unrelated'], 'taken over, then removed');
      const taken = await callApi<AppSettings>(app, 'getSettings');
      assert.equal(taken.seekSeconds, 7);
      assert.deepEqual(taken.shortcuts, { play: ['F9'] });

      // the clerk changes the language, the skip length and the place in the recording
      await page.locator('[data-testid=lang-switch]').click();
      await page.getByRole('button', { name: '← Meetings' }).waitFor();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.locator('[data-testid=seek-seconds]').fill('4');
      await page.keyboard.press('Escape');
      await inPage(page, `document.querySelector('[data-testid=audio]').currentTime = 20`);
      await waitUntil('the position stored', async () => (await callApi<number>(app!, 'getPlaybackPosition', meetingId)) === 20);
      await waitUntil('the skip length stored', async () => (await callApi<AppSettings>(app!, 'getSettings')).seekSeconds === 4);
      await editor.close();
      editor = null;
      await app.close();

      app = await startApp(dataDir);
      assert.notEqual(app.origin, firstOrigin, 'a new port: a new origin with an empty localStorage');
      editor = await openEditor(app, meetingId);
      page = editor.page;
      await page.getByRole('button', { name: '← Meetings' }).waitFor();
      assert.equal(await inPage(page, 'document.documentElement.lang'), 'en');
      await waitUntil('the position restored', async () => Math.abs((await audioTime(page)) - 20) < 0.01);
      await page.getByRole('button', { name: 'Settings' }).click();
      assert.equal(await page.locator('[data-testid=seek-seconds]').inputValue(), '4');
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-output', 'settings-after-restart.png') });
      assert.deepEqual(editor.errors, []);
    } finally {
      await editor?.close();
      await app?.close();
    }
  },
);
