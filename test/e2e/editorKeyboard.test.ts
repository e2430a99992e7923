// Keyboard work in the editor on a seeded meeting (the corpus reference, with speakers and
// tokens): IME safety, F8, find and replace, playback keys, coverage, help, settings, English.
// Needs no model, so it runs in seconds.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Coverage, TranscriptView } from '../../native/common/api';
import type { AppSettings } from '../../native/common/settings';
import { corpusAudio, NO_CORPUS, ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, startApp, type RunningApp } from './helpers/appProcess';
import type { TestBrowser } from './helpers/browser';
import { openEditor } from './helpers/openEditor';
import { seedReferenceMeeting } from './helpers/seedMeeting';

const AUDIO = corpusAudio('m02_kosei_hoikuen');
const skip = missingAppPieces() ?? (AUDIO ? null : NO_CORPUS);

/** Runs an expression in the page (a string: the page's CSP forbids eval of functions' source). */
const inPage = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;
const audioState = (page: Page) =>
  inPage<{ t: number; paused: boolean; rate: number }>(
    page,
    `(() => { const a = document.querySelector('[data-testid=audio]'); return { t: a.currentTime, paused: a.paused, rate: a.playbackRate }; })()`,
  );

describe('editor keyboard work', { skip: skip ?? false }, () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  let meetingId = 0;

  before(async () => {
    const dataDir = japaneseDataDir();
    meetingId = seedReferenceMeeting(dataDir, join(AUDIO!, '..'));
    app = await startApp(dataDir);
    browser = await openEditor(app, meetingId);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('keys pressed while an IME composes run no command, and nothing is saved mid-composition', async () => {
    const box = page.locator('[data-testid=segment-text]').nth(1);
    const id = Number(await box.getAttribute('data-segment-id'));
    const original = await box.inputValue();
    await box.focus();
    await page.keyboard.press('End');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'かいぎ', selectionStart: 3, selectionEnd: 3 });
    assert.equal(await box.inputValue(), `${original}かいぎ`, 'the IME is composing in the line');
    const before = await audioState(page);
    await inPage(
      page,
      `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true, cancelable: true }))`,
    );
    await inPage(
      page,
      `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', keyCode: 229, bubbles: true, cancelable: true }))`,
    );
    await page.waitForTimeout(900); // well past the save debounce
    assert.equal((await audioState(page)).paused, before.paused, 'Escape while composing did not toggle playback');
    const mid = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    assert.equal(mid.segments.find((s) => s.id === id)?.text, original, 'nothing saved while composing');
    await cdp.send('Input.insertText', { text: '会議' });
    await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
    const done = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    assert.equal(done.segments.find((s) => s.id === id)?.text, `${original}会議`);
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
    assert.equal(await box.inputValue(), original);
  });

  it('F8 selects the next low-confidence word and moves the audio there', async () => {
    await page.locator('[data-testid=segment-text]').first().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('F8');
    await page.waitForTimeout(200);
    const selected = await inPage<string>(
      page,
      `(() => { const el = document.activeElement; return el.value.slice(el.selectionStart, el.selectionEnd); })()`,
    );
    assert.ok(selected.length >= 1, 'a word is selected');
    const marked = await inPage<string[]>(page, `[...document.querySelectorAll('.low-confidence')].map((e) => e.textContent)`);
    assert.ok(marked.includes(selected), `"${selected}" is one of the marked words`);
    assert.ok((await audioState(page)).t > 0, 'audio moved to the word');
  });

  it('playback keys: play/pause, faster/slower, skip back 3 s; pausing stores the listened stretch', async () => {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    assert.equal((await audioState(page)).paused, false);
    await page.keyboard.press('F4');
    assert.equal((await audioState(page)).rate, 1.25);
    await page.keyboard.press('F3');
    const t0 = (await audioState(page)).t;
    await page.keyboard.press('F1');
    const t1 = (await audioState(page)).t;
    assert.ok(t1 < t0 - 2 && t1 > t0 - 4, `skipped back ~3 s: ${t0} → ${t1}`);
    await page.keyboard.press('Escape');
    // pausing sends the listened stretch: the coverage is stored
    await page.waitForTimeout(500);
    const coverage = await callApi<Coverage>(app, 'getCoverage', meetingId);
    assert.ok(coverage.length >= 1 && coverage[0]![1] - coverage[0]![0] > 0.5, `coverage recorded: ${JSON.stringify(coverage)}`);
  });

  it('find and replace all (regex), then undo', async () => {
    await page.keyboard.press('Control+f');
    await page.getByRole('search').getByLabel('正規表現').check();
    await page.locator('[data-testid=find-input]').fill('保育[園]');
    await page.waitForTimeout(100);
    const count = await page.locator('.find-count').textContent();
    assert.match(count ?? '', /\/ [1-9]\d* /);
    await page.locator('[data-testid=replace-input]').fill('保育所');
    await page.getByRole('button', { name: 'すべて置換' }).click();
    await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
    await page.waitForTimeout(200);
    let view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    assert.ok(!view.segments.some((s) => s.text.includes('保育園')));
    await page.locator('[data-testid=undo]').click();
    await page.waitForTimeout(300);
    view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    assert.ok(view.segments.some((s) => s.text.includes('保育園')));
    await page.getByRole('search').getByRole('button', { name: '閉じる' }).click();
  });

  it('the help overlay lists the shortcuts; the settings change them; English is one click away', async () => {
    await page.locator('[data-testid=segment-text]').first().focus();
    await page.keyboard.press('Control+/');
    const help = page.locator('[data-testid=help-overlay]');
    await help.waitFor();
    assert.match((await help.textContent()) ?? '', /F8/);
    await page.screenshot({ path: join(ROOT, 'test-output', 'editor-help.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '設定' }).click();
    await page.locator('[data-testid=seek-seconds]').fill('5');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.locator('[data-testid=segment-text]').first().waitFor();
    assert.match((await page.locator('.player-bar').textContent()) ?? '', /巻き戻し/);
    assert.equal((await callApi<AppSettings>(app, 'getSettings')).seekSeconds, 5, 'kept in the database');
    await page.locator('[data-testid=lang-switch]').click();
    await page.getByRole('button', { name: '← Meetings' }).waitFor();
    await page.screenshot({ path: join(ROOT, 'test-output', 'editor-en.png') });
    await page.locator('[data-testid=lang-switch]').click();
    assert.deepEqual(browser.errors, []);
  });
});
