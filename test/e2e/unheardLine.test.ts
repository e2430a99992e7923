// A stretch of speech the engine could not read is a line to listen to: the editor shows it with its
// times, F8 stops on it, typing what was said makes it an ordinary line, and no export prints it
// before that. No model needed: the transcript is put in the store as a job would.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TranscriptView } from '../../native/common/api';
import { openStore } from '../../native/store/openStore';
import { ROOT } from '../helpers/fixtures';
import { line, transcriptOf } from '../helpers/transcripts';
import { callApi, japaneseDataDir, missingAppPieces, startApp, type RunningApp } from './helpers/appProcess';
import type { TestBrowser } from './helpers/browser';
import { openEditor } from './helpers/openEditor';
import { DATABASE_FILE, silentRecording } from './helpers/seedMeeting';

const skip = missingAppPieces();
const SHOTS = join(ROOT, 'test-output');

function seed(dataDir: string): number {
  const audio = join(dataDir, '委員会.flac');
  silentRecording(audio, 30);
  const transcript = transcriptOf(
    [
      line(0, 1, null, '質疑はありませんか。'),
      { id: 1, start: 70, end: 79.4, speaker: null, text: '', tokens: [], unheard: true },
      line(2, 80, null, '以上で質疑を終わります。'),
    ],
    { path: audio, duration: 90, model: 'seeded' },
  );
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    const m = store.createMeeting(
      { title: '文教委員会', body: '文教委員会', date: '2025-06-10', place: '第1委員会室' },
      { path: audio, durationS: 90 },
    );
    store.importTranscript(m.id, transcript);
    return m.id;
  } finally {
    store.close();
  }
}

describe('an unheard stretch in the editor', { skip: skip ?? false }, () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  let meetingId = 0;
  const exported = async (format: 'txt' | 'srt') =>
    Buffer.from(await callApi<string>(app, 'exportMeetingBase64', meetingId, format, 'verbatim'), 'base64').toString('utf8');

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = japaneseDataDir();
    meetingId = seed(dataDir);
    app = await startApp(dataDir);
    browser = await openEditor(app, meetingId);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the line with its times as something to listen to, and exports leave it out', async () => {
    const unheard = page.locator('[data-testid=segment]').nth(1).locator('[data-testid=segment-text]');
    assert.equal(await unheard.inputValue(), '');
    assert.match((await unheard.getAttribute('placeholder')) ?? '', /聞き取れませんでした 1:10–1:19/);
    await page.screenshot({ path: join(SHOTS, 'editor-unheard-line.png') });
    for (const format of ['txt', 'srt'] as const) {
      const text = await exported(format);
      assert.ok(text.includes('質疑はありませんか') && text.includes('以上で質疑を終わります'), format);
      assert.ok(!text.includes('聞き取れません'), `${format} prints no placeholder`);
    }
  });

  it('F8 goes to it; what the clerk types makes it an ordinary line, stored and exported', async () => {
    await page.locator('[data-testid=segment-text]').first().click();
    await page.keyboard.press('F8');
    const unheard = page.locator('[data-testid=segment]').nth(1).locator('[data-testid=segment-text]');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement
          ?.getAttribute('placeholder')
          ?.includes('聞き取れません') ?? false,
    );
    await page.keyboard.type('はい、委員長。');
    await unheard.blur();
    const deadline = Date.now() + 10_000;
    let stored = '';
    while (Date.now() < deadline && stored !== 'はい、委員長。') {
      stored = (await callApi<TranscriptView>(app, 'getTranscript', meetingId)).segments[1]?.text ?? '';
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(stored, 'はい、委員長。');
    assert.ok((await exported('txt')).includes('はい、委員長。'));
  });
});
