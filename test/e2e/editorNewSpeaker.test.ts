// A meeting fresh from transcription has no speakers: the clerk creates them in the editor
// (speakers panel, and "＋新しい話者…" on a turn), assigns turns, reloads, and undoes.
// Seeded with a silent recording: needs neither the model nor the corpus, so it runs in seconds.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Speaker, TranscriptView } from '../../native/common/api';
import { ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, startApp, type RunningApp } from './helpers/appProcess';
import type { TestBrowser } from './helpers/browser';
import { openEditor } from './helpers/openEditor';
import { seedMeetingWithoutSpeakers } from './helpers/seedMeeting';

const skip = missingAppPieces();

const turnSpeaker = (page: Page, segmentId: number) =>
  page.locator(`[data-testid=segment][data-segment-id="${segmentId}"] [data-testid=turn-speaker]`);

describe('adding speakers to a meeting without any', { skip: skip ?? false }, () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  let meetingId = 0;
  let segmentIds: number[] = [];

  /** the stored transcript, polled until `ready` holds (edits are saved in the background) */
  async function storedWhen(ready: (v: TranscriptView) => boolean): Promise<TranscriptView> {
    for (let i = 0; ; i++) {
      const view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
      if (ready(view)) return view;
      if (i >= 50)
        assert.fail(`never stored: ${JSON.stringify({ speakers: view.speakers, assigned: view.segments.map((s) => s.speakerId) })}`);
      await page.waitForTimeout(100);
    }
  }

  const speakerOf = (v: TranscriptView, segmentId: number): Speaker | undefined =>
    v.speakers.find((s) => s.id === v.segments.find((x) => x.id === segmentId)?.speakerId);

  before(async () => {
    const dataDir = japaneseDataDir();
    meetingId = seedMeetingWithoutSpeakers(dataDir, join(dataDir, '無音 録音.flac'));
    app = await startApp(dataDir);
    const view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    assert.deepEqual(view.speakers, []);
    segmentIds = view.segments.map((s) => s.id);
    browser = await openEditor(app, meetingId);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('each line without a speaker has its own speaker menu', async () => {
    assert.equal(await page.locator('[data-testid=turn-header]').count(), segmentIds.length);
  });

  it("the speakers panel adds a speaker; a turn's menu then offers it and assigns it", async () => {
    await page.locator('[data-testid=open-speakers]').click();
    const panel = page.locator('[data-testid=speakers-panel]');
    await panel.getByText('この会議には話者の情報がまだありません。').waitFor();
    const form = panel.locator('[data-testid=add-speaker-form]');
    await form.locator('[data-testid=new-speaker-name]').fill('山田太郎');
    await form.locator('[data-testid=new-speaker-role]').fill('議長');
    await form.getByRole('button', { name: '話者を追加' }).click();
    await panel.locator('[data-testid=speaker-card]', { hasText: 'S1' }).waitFor();
    await page.screenshot({ path: join(ROOT, 'test-output', 'editor-add-speaker.png') });
    assert.equal(await form.locator('[data-testid=new-speaker-name]').inputValue(), '', 'the form is ready for the next speaker');

    const menu = turnSpeaker(page, segmentIds[1]!);
    await menu.locator('option', { hasText: '山田太郎（議長）' }).waitFor({ state: 'attached' });
    await menu.selectOption({ label: '山田太郎（議長）' });
    const view = await storedWhen((v) => speakerOf(v, segmentIds[1]!) !== undefined);
    assert.deepEqual(
      [speakerOf(view, segmentIds[1]!)?.label, speakerOf(view, segmentIds[1]!)?.name, speakerOf(view, segmentIds[1]!)?.role],
      ['S1', '山田太郎', '議長'],
    );
    assert.deepEqual(
      view.segments.map((s) => s.speakerId !== null),
      [false, true, false, false, false, false],
      'only that line',
    );
    await page.locator('[data-testid=speakers-panel]').getByRole('button', { name: '閉じる' }).click();
  });

  it('"＋新しい話者…" on a turn adds a speaker and gives it the turn', async () => {
    const menu = turnSpeaker(page, segmentIds[3]!);
    await menu.selectOption({ label: '＋新しい話者…' });
    const form = page.locator(`[data-testid=segment][data-segment-id="${segmentIds[3]}"] [data-testid=turn-new-speaker]`);
    await form.locator('[data-testid=new-speaker-name]').fill('鈴木花子');
    await form.locator('[data-testid=new-speaker-role]').fill('委員');
    await page.waitForTimeout(200); // the list measures the taller row in the next frame
    await page.screenshot({ path: join(ROOT, 'test-output', 'editor-new-speaker-turn.png') });
    await form.locator('[data-testid=new-speaker-role]').press('Enter');
    const view = await storedWhen((v) => speakerOf(v, segmentIds[3]!) !== undefined);
    const added = speakerOf(view, segmentIds[3]!);
    assert.deepEqual([added?.label, added?.name, added?.role], ['S2', '鈴木花子', '委員']);
    assert.notEqual(added?.color, view.speakers[0]?.color, 'a colour of its own');
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
    assert.equal(await menu.inputValue(), String(added?.id));
  });

  it('after a reload the assignments are still there; undo takes them and the speaker away again', async () => {
    await page.reload();
    await page.locator('[data-testid=segment-text]').first().waitFor();
    const view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    const [yamada, suzuki] = view.speakers;
    assert.ok(yamada && suzuki);
    await turnSpeaker(page, segmentIds[1]!).locator('option', { hasText: '山田太郎（議長）' }).waitFor({ state: 'attached' });
    assert.equal(await turnSpeaker(page, segmentIds[1]!).inputValue(), String(yamada.id));
    assert.equal(await turnSpeaker(page, segmentIds[3]!).inputValue(), String(suzuki.id));

    // the second speaker came with two edits: assign, then add — two undos
    await page.locator('[data-testid=undo]').click();
    await storedWhen((v) => speakerOf(v, segmentIds[3]!) === undefined);
    await page.locator('[data-testid=undo]').click();
    const undone = await storedWhen((v) => v.speakers.length === 1);
    assert.deepEqual(undone.speakers, [yamada]);
    await page.locator(`[data-testid=turn-speaker] option`, { hasText: '鈴木花子' }).first().waitFor({ state: 'detached' });
    assert.deepEqual(browser.errors, []);
  });

  it('the English labels', async () => {
    await page.locator('[data-testid=lang-switch]').click();
    await page.locator('[data-testid=open-speakers]').click();
    await page.locator('[data-testid=add-speaker-form]').getByRole('button', { name: 'Add speaker' }).waitFor();
    await turnSpeaker(page, segmentIds[0]!).locator('option', { hasText: '+ New speaker…' }).waitFor({ state: 'attached' });
    await page.locator('[data-testid=lang-switch]').click();
    assert.deepEqual(browser.errors, []);
  });
});
