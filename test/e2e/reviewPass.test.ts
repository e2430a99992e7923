// The review pass through the real UI (issue 15): a corpus meeting as the engine transcribed it,
// its words scored by the doubt model, played stretch by stretch with the keyboard alone. Every
// stretch is visited (the audio plays inside it, the cursor lands in a line it covers), Enter
// confirms and moves on, an IME's Enter does not, and what was confirmed is still confirmed after a
// reload and after the app restarts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Coverage, ReviewState, TranscriptView } from '../../native/common/api';
import type { Transcript } from '../../native/common/transcript';
import { loadTokenizer } from '../../native/dictionary/loadTokenizer';
import { scoreDoubt } from '../../native/doubt/scoreDoubt';
import { openStore } from '../../native/store/openStore';
import { corpusAudio, NO_CORPUS, ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, openPage, startApp, type RunningApp } from './helpers/appProcess';
import { openBrowser, type TestBrowser } from './helpers/browser';
import { DATABASE_FILE } from './helpers/seedMeeting';

const AUDIO = corpusAudio('m03_kotsu_chiibasu');
const skip = missingAppPieces() ?? (AUDIO ? null : NO_CORPUS);
const FIXTURE = join(ROOT, 'test', 'e2e', 'fixtures', 'm03_engine.json');

const inPage = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;
const audioState = (page: Page) =>
  inPage<{ t: number; paused: boolean }>(
    page,
    `(() => { const a = document.querySelector('[data-testid=audio]'); return { t: a.currentTime, paused: a.paused }; })()`,
  );
const bar = (page: Page) => page.locator('[data-testid=review-bar]');

async function seed(dataDir: string): Promise<number> {
  const engine = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Transcript;
  const transcript = scoreDoubt({ ...engine, audio: { ...engine.audio, path: AUDIO! } }, { tokenizer: await loadTokenizer() });
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    const meeting = store.createMeeting(
      { title: '交通委員会（見直し）', body: '委員会', date: '2024-12-02', place: '第2委員会室' },
      { path: AUDIO!, durationS: transcript.audio.duration },
    );
    store.importTranscript(meeting.id, transcript);
    return meeting.id;
  } finally {
    store.close();
  }
}

/** Waits until the audio plays inside the stretch: it was visited. */
async function waitUntilInside(page: Page, from: number, to: number): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const a = await audioState(page);
    if (a.t >= from - 0.05 && a.t < to && !a.paused) return;
    if (Date.now() - t0 > 10_000) throw new Error(`audio never played inside ${from}–${to} (at ${a.t}, paused ${a.paused})`);
    await page.waitForTimeout(50);
  }
}

describe('the review pass, by keyboard', { skip: skip ?? false }, () => {
  let dataDir = '';
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  let meetingId = 0;
  let review: ReviewState;

  before(async () => {
    dataDir = japaneseDataDir();
    meetingId = await seed(dataDir);
    app = await startApp(dataDir);
    browser = await openBrowser();
    page = browser.page;
    await openPage(page, app, `#/meeting/${meetingId}`);
    await page.locator('[data-testid=segment-text]').first().waitFor();
    review = await callApi<ReviewState>(app, 'getReview', meetingId);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the meeting has doubtful stretches, marked in the text and counted on the timeline', async () => {
    assert.ok(review.stretches.length >= 2, `stretches: ${review.stretches.length}`);
    assert.ok(review.stretches.every((s) => !s.confirmed));
    assert.match((await page.locator('[data-testid=review-count]').textContent()) ?? '', new RegExp(`要確認 0/${review.stretches.length}`));
    assert.ok((await page.locator('.doubt-check').count()) >= 1, '要確認 words are marked');
  });

  it('F9 plays each stretch in turn, stops at its end with the cursor on it, and Enter moves on', async () => {
    const stretches = review.stretches;
    const view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    await page.keyboard.press('F9');
    await bar(page).waitFor();
    for (let k = 0; k < stretches.length; k++) {
      const s = stretches[k]!;
      await page.locator(`[data-testid=review-bar][data-index="${k}"]`).waitFor();
      assert.equal(await bar(page).getAttribute('data-stretch-id'), String(s.id));
      await waitUntilInside(page, s.start, s.end);
      // the cursor is in a line the stretch covers
      const focused = Number(await inPage<string | undefined>(page, `document.activeElement?.dataset?.segmentId`));
      const line = view.segments.find((x) => x.id === focused);
      assert.ok(line && line.start < s.end && line.end > s.start, `stretch ${k}: cursor in line ${focused}`);
      if (k === 0) {
        // the first one is heard to its end: playback stops there by itself
        const t0 = Date.now();
        let a = await audioState(page);
        while (!a.paused && Date.now() - t0 < (s.end - s.start) * 1000 + 5000) {
          await page.waitForTimeout(100);
          a = await audioState(page);
        }
        assert.ok(a.paused && Math.abs(a.t - s.end) < 0.4, `stopped at the end ${s.end}: ${JSON.stringify(a)}`);
      }
      if (k === 1) {
        // a fix typed with an IME: its Enter (while composing) belongs to the IME, not to the pass
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Input.imeSetComposition', { text: 'かくにん', selectionStart: 4, selectionEnd: 4 });
        await inPage(
          page,
          `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }))`,
        );
        await page.waitForTimeout(300);
        assert.equal(await bar(page).getAttribute('data-index'), '1', 'the IME Enter did not confirm');
        await cdp.send('Input.insertText', { text: '確認' });
        await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
        await page.screenshot({ path: join(ROOT, 'test-output', 'review-pass.png') });
      }
      await page.keyboard.press('Enter');
    }
    await bar(page).waitFor({ state: 'detached' });
    await page.getByText('要確認の区間をすべて確認しました').waitFor();
    const done = await callApi<ReviewState>(app, 'getReview', meetingId);
    assert.ok(
      done.stretches.every((s) => s.confirmed),
      'every stretch confirmed',
    );
    const coverage = await callApi<Coverage>(app, 'getCoverage', meetingId);
    for (const s of done.stretches) {
      assert.ok(
        coverage.some(([a, b]) => a <= s.start + 1e-6 && b >= s.end - 1e-6),
        `stretch ${s.start}–${s.end} counts as listened`,
      );
    }
    assert.match(
      (await page.locator('[data-testid=review-count]').textContent()) ?? '',
      new RegExp(`要確認 ${done.stretches.length}/${done.stretches.length}`),
    );
    const fixed = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    assert.ok(
      fixed.segments.some((x) => x.text.includes('確認')),
      'the fix typed during the pass was saved',
    );
    await page.screenshot({ path: join(ROOT, 'test-output', 'review-pass-done.png') });
  });

  it('confirmed stretches are still confirmed after a reload and after the app restarts', async () => {
    await page.reload();
    await page.locator('[data-testid=segment-text]').first().waitFor();
    const n = review.stretches.length;
    await page.getByText(`要確認 ${n}/${n}`).waitFor();
    await page.goto('about:blank'); // a page left open on a stopped app would only see refused connections
    await app.close();
    app = await startApp(dataDir);
    await openPage(page, app, `#/meeting/${meetingId}`);
    await page.locator('[data-testid=segment-text]').first().waitFor();
    await page.getByText(`要確認 ${n}/${n}`).waitFor();
    await page.keyboard.press('F9');
    await page.getByText('要確認の区間はすべて確認済みです').waitFor();
    assert.equal(await bar(page).count(), 0);
    assert.deepEqual(browser.errors, []);
  });
});
