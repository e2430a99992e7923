// The clerk's day, through the real app and the real model: import a recording,
// transcribe it, open the editor, seek, edit, reload, undo, split, merge, rename a
// speaker, search the library. Screenshots go to test-output/ for a human to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { corpusAudio, NO_CORPUS, NO_MODEL, ROOT, testModel } from '../helpers/fixtures';
import { japaneseDataDir, missingAppPieces, startApp, type RunningApp, openPage } from './helpers/appProcess';
import { openBrowser, type TestBrowser } from './helpers/browser';
import { seedReferenceMeeting } from './helpers/seedMeeting';

const AUDIO = corpusAudio('m01_honkaigi_kaikai');
const SPEAKERS_MEETING = corpusAudio('m02_kosei_hoikuen');
const TITLE = '令和6年第1回定例会 本会議（開会）';
const SEEDED_TITLE = '厚生委員会（話者あり）';
const SHOTS = join(ROOT, 'test-output');
const skip = missingAppPieces() ?? (testModel() ? null : NO_MODEL) ?? (AUDIO && SPEAKERS_MEETING ? null : NO_CORPUS);
const meetingRow = (page: Page, title: string) => page.locator('[data-testid=meeting-row]', { hasText: title });

const segmentTexts = (page: Page) => page.locator('[data-testid=segment-text]');
const textOf = (page: Page, segmentId: string) => page.locator(`textarea[data-segment-id="${segmentId}"]`);

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid=save-status][data-status=saved]').waitFor({ timeout: 5000 });
}

async function audioTime(page: Page): Promise<number> {
  return page.locator('[data-testid=audio]').evaluate((el: { currentTime: number }) => el.currentTime);
}

async function caretTo(textarea: Locator, offset: number): Promise<void> {
  await textarea.focus();
  await textarea.evaluate((el: { setSelectionRange(a: number, b: number): void }, at: number) => el.setSelectionRange(at, at), offset);
}

describe('editor, end to end with the real app', { skip: skip ?? false }, () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  /** a segment that is edited, and its text before */
  let editedId = '';
  let editedOriginal = '';
  /** a word of the transcribed meeting, to search the library for */
  let searchWord = '';

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = japaneseDataDir();
    // the engine does not tell speakers apart yet: the speaker steps use the corpus reference, seeded like a finished job
    seedReferenceMeeting(dataDir, join(SPEAKERS_MEETING!, '..'), { title: SEEDED_TITLE, body: '厚生委員会', place: '第一委員会室' });
    app = await startApp(dataDir);
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('imports the recording through the file input and transcribes it with the real model', { timeout: 240_000 }, async () => {
    await openPage(page, app);
    await page.locator('[data-testid=import-file]').setInputFiles(AUDIO!);
    await page.locator('input[name=title]').fill(TITLE);
    await page.locator('input[name=body]').fill('本会議');
    await page.locator('input[name=place]').fill('議場');
    await page.getByRole('button', { name: '文字起こし開始' }).click();
    // the bar with its stage and time left, once recognition runs
    await page
      .locator('[data-testid=job-progress]', { hasText: '音声認識' })
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined);
    await page.screenshot({ path: join(SHOTS, 'library-progress.png') });
    await meetingRow(page, TITLE).getByRole('button', { name: '開く' }).waitFor({ timeout: 220_000 });
    await page.screenshot({ path: join(SHOTS, 'library.png') });
    assert.deepEqual(browser.errors, []);
  });

  it('opens the editor with speaker turns', async () => {
    await meetingRow(page, TITLE).getByRole('button', { name: '開く' }).click();
    await segmentTexts(page).first().waitFor();
    assert.ok((await page.locator('[data-testid=turn-header]').count()) >= 1, 'at least one speaker header');
    assert.ok((await segmentTexts(page).count()) >= 3, 'several segments rendered');
  });

  it('clicking a line seeks the audio to that line and plays', async () => {
    const row = page.locator('[data-testid=segment]').nth(2);
    const start = Number(await row.getAttribute('data-start'));
    assert.ok(start > 0);
    await row.locator('[data-testid=segment-time]').click();
    await page.waitForFunction(
      (s: number) => {
        const audio = (
          globalThis as unknown as { document: { querySelector(q: string): { currentTime: number; paused: boolean } } }
        ).document.querySelector('[data-testid=audio]');
        return !audio.paused && audio.currentTime >= s - 0.05;
      },
      start,
      { timeout: 10_000 },
    );
    const t = await audioTime(page);
    assert.ok(Math.abs(t - start) < 2, `currentTime ${t} near the line start ${start}`);
    await page.keyboard.press('Escape'); // play/pause
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(q: string): { paused: boolean } } }).document.querySelector(
          '[data-testid=audio]',
        ).paused,
    );
  });

  it('an edited word is saved and is still there after a reload', async () => {
    const box = segmentTexts(page).nth(1);
    editedId = (await box.getAttribute('data-segment-id'))!;
    editedOriginal = await box.inputValue();
    await caretTo(box, editedOriginal.length);
    await page.keyboard.insertText('（確認済み）');
    await waitSaved(page);
    await page.reload();
    await textOf(page, editedId).waitFor();
    assert.equal(await textOf(page, editedId).inputValue(), `${editedOriginal}（確認済み）`);
  });

  it('undo (Ctrl+Z) brings the original text back, also after a reload', async () => {
    await textOf(page, editedId).focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      ([id, text]: [string, string]) =>
        (globalThis as unknown as { document: { querySelector(q: string): { value: string } } }).document.querySelector(
          `textarea[data-segment-id="${id}"]`,
        ).value === text,
      [editedId, editedOriginal] as [string, string],
    );
    await waitSaved(page);
    await page.reload();
    await textOf(page, editedId).waitFor();
    assert.equal(await textOf(page, editedId).inputValue(), editedOriginal);
  });

  it('splits a line at the cursor and merges it back', async () => {
    const box = textOf(page, editedId);
    const cut = Math.floor(editedOriginal.length / 2);
    await caretTo(box, cut);
    await page.keyboard.press('Control+Enter');
    // the list is virtualised, so the number of rendered rows says nothing: the line itself must now end at the cut
    await page.waitForFunction(
      ([id, text]: [string, string]) =>
        (globalThis as unknown as { document: { querySelector(q: string): { value: string } } }).document.querySelector(
          `textarea[data-segment-id="${id}"]`,
        ).value === text,
      [editedId, editedOriginal.slice(0, cut)] as [string, string],
    );
    // and the rest of the text is a new line of its own, right after it
    await page.waitForFunction(
      (rest: string) =>
        Array.from(
          (globalThis as unknown as { document: { querySelectorAll(q: string): ArrayLike<{ value: string }> } }).document.querySelectorAll(
            'textarea[data-testid=segment-text]',
          ),
        ).some((t) => t.value === rest),
      editedOriginal.slice(cut),
    );
    await box.focus();
    await page.keyboard.press('Control+m');
    await page.waitForFunction(
      ([id, text]: [string, string]) =>
        (globalThis as unknown as { document: { querySelector(q: string): { value: string } } }).document.querySelector(
          `textarea[data-segment-id="${id}"]`,
        ).value === text,
      [editedId, editedOriginal] as [string, string],
    );
    await waitSaved(page);
  });

  it("renames a speaker in the speakers panel and changes a turn's speaker", async () => {
    await page.screenshot({ path: join(SHOTS, 'editor-transcribed.png') });
    searchWord = (await segmentTexts(page).nth(3).inputValue()).replace(/[、。\s]/g, '').slice(0, 4);
    await page.getByRole('button', { name: '← 会議一覧' }).click();
    await meetingRow(page, SEEDED_TITLE).getByRole('button', { name: '開く' }).click();
    await segmentTexts(page).first().waitFor();
    assert.ok((await page.locator('[data-testid=turn-header]').count()) >= 3, 'one header per turn');
    await page.locator('[data-testid=open-speakers]').click();
    await page.locator('[data-testid=speaker-name]').first().fill('山田太郎');
    const role = page.locator('[data-testid=speaker-role]').first();
    await role.fill('委員長');
    await role.press('Enter');
    await page.locator('[data-testid=turn-speaker] option', { hasText: '山田太郎（委員長）' }).first().waitFor({ state: 'attached' });
    await waitSaved(page);

    const secondTurn = page.locator('[data-testid=turn-speaker]').nth(1);
    const firstSpeakerId = await page.locator('[data-testid=turn-speaker]').first().inputValue();
    await secondTurn.selectOption(firstSpeakerId);
    await waitSaved(page);
    // the second turn joined the first, so the header count drops
    await page.reload();
    await segmentTexts(page).first().waitFor();
    await page.locator('[data-testid=turn-speaker] option', { hasText: '山田太郎（委員長）' }).first().waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-testid=turn-speaker]').first().inputValue(), firstSpeakerId);
    await page.locator('[data-testid=segment]').nth(4).locator('[data-testid=segment-time]').click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(SHOTS, 'editor.png') });
    await page.keyboard.press('Escape');
  });

  it('finds the meeting by a word of its transcript', async () => {
    const word = searchWord;
    assert.ok(word.length >= 3, `a searchable word: "${word}"`);
    await page.getByRole('button', { name: '← 会議一覧' }).click();
    await page.locator('[data-testid=library-search]').fill(word);
    await meetingRow(page, TITLE).locator('.snippet mark', { hasText: word }).waitFor({ timeout: 5000 });
    assert.deepEqual(browser.errors, []);
  });
});
