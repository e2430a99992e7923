// ケバ取り view, term corrections and 会議録 export in a plain browser: switch the view,
// revert an applied correction and accept a suggestion, edit the council's rule list,
// export .docx through the dialog and read its XML. No model needed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CouncilSettings, StoredCorrection, TranscriptView } from '../../native/common/api';
import type { Transcript } from '../../native/common/transcript';
import { openStore } from '../../native/store/openStore';
import { readZipEntry } from '../export/readZipEntry';
import { ROOT } from '../helpers/fixtures';
import { line, transcriptOf } from '../helpers/transcripts';
import { callApi, japaneseDataDir, missingAppPieces, openPage, startApp, type RunningApp } from './helpers/appProcess';
import type { TestBrowser } from './helpers/browser';
import { openEditor } from './helpers/openEditor';
import { DATABASE_FILE, silentRecording } from './helpers/seedMeeting';

const skip = missingAppPieces();
const SHOTS = join(ROOT, 'test-output');

function seed(dataDir: string): number {
  const audio = join(dataDir, '本会議.flac');
  silentRecording(audio, 20);
  // as the CLI delivers it: offsets in the recognised text (みなとく before it became 港区)
  const transcript: Transcript = {
    ...transcriptOf(
      [
        line(0, 1, 'S1', 'ただいまから本日の会議を開きます。'),
        line(1, 6, 'S2', 'えー、港区では、あのー、待機児童がゼロになりました。'),
        line(2, 11, 'S3', 'まあ、せんこうの結果について質問いたします。'),
      ],
      { path: audio, duration: 20, model: 'seeded' },
    ),
    corrections: [
      { segment: 1, start: 3, end: 7, from: 'みなとく', to: '港区', term: '港区', applied: true },
      { segment: 2, start: 3, end: 7, from: 'せんこう', to: '選考', term: '選考', applied: false },
    ],
  };
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    const m = store.createMeeting(
      { title: '令和6年第4回定例会', body: '本会議', date: '2024-11-18', place: '議場' },
      { path: audio, durationS: 20 },
    );
    const view = store.importTranscript(m.id, transcript);
    const names: [string, string][] = [
      ['池田隆之', '議長'],
      ['武藤正人', '区長'],
      ['鈴木健太郎', '5番'],
    ];
    view.speakers.forEach((s, i) =>
      store.applyEdit(m.id, { kind: 'renameSpeaker', speakerId: s.id, name: names[i]![0], role: names[i]![1] }),
    );
    return m.id;
  } finally {
    store.close();
  }
}

describe('ケバ取り view, corrections, rules and export', { skip: skip ?? false }, () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  let meetingId = 0;
  const textarea = (i: number) => page.locator('[data-testid=segment]').nth(i).locator('[data-testid=segment-text]');
  /** waits until a segment textarea holds `text` (exactly, or at its start with `prefix`) */
  const someTextarea = (text: string, prefix = false) =>
    page.waitForFunction(
      ([want, startsWith]) =>
        Array.from(
          (globalThis as unknown as { document: { querySelectorAll(q: string): ArrayLike<{ value: string }> } }).document.querySelectorAll(
            'textarea[data-testid=segment-text]',
          ),
        ).some((t) => (startsWith ? t.value.startsWith(want) : t.value === want)),
      [text, prefix] as [string, boolean],
    );
  const storedText = async (i: number) => (await callApi<TranscriptView>(app, 'getTranscript', meetingId)).segments[i]!.text;

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

  it('marks the applied correction and the suggestion; revert and accept are undoable edits', async () => {
    await page.locator('[data-testid=correction-applied]').waitFor();
    assert.match(await page.locator('[data-testid=correction-applied]').innerText(), /港区.*みなとく/s);
    assert.match(await page.locator('[data-testid=correction-suggested]').innerText(), /せんこう.*選考/s);
    assert.equal(await page.locator('.corr-applied').count(), 1, 'the term is underlined in the text');
    await page.screenshot({ path: join(SHOTS, 'corrections.png') });

    await page.locator('[data-testid=correction-revert]').click();
    await someTextarea('えー、みなとくでは', true);
    assert.equal(await storedText(1), 'えー、みなとくでは、あのー、待機児童がゼロになりました。');
    // reverted, it is offered again as a suggestion
    assert.equal(await page.locator('[data-testid=correction-suggested]').count(), 2);
    await page.locator('[data-testid=undo]').click();
    await someTextarea('えー、港区では', true);

    await page.locator('[data-testid=segment]').nth(2).locator('[data-testid=correction-accept]').click();
    await someTextarea('まあ、選考の結果について質問いたします。');
    assert.equal(await storedText(2), 'まあ、選考の結果について質問いたします。');
    assert.equal(await page.locator('[data-testid=correction-applied]').count(), 2);
    // the clerk rewrites the term: its correction is gone
    await textarea(2).fill('まあ、審査の結果について質問いたします。');
    await textarea(2).blur();
    await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
    assert.equal(await page.locator('[data-testid=correction-applied]').count(), 1);
    assert.equal((await callApi<StoredCorrection[]>(app, 'listCorrections', meetingId)).length, 2, 'stored corrections stay');
  });

  it('switches to ケバ取り and 差分: fillers go, the verbatim text stays stored', async () => {
    await page.locator('[data-testid=layer-clean]').click();
    const layer = page.locator('[data-testid=segment-layer]');
    await page.locator('[data-testid=segment-layer]:not(.seg-layer-pending)').nth(2).waitFor();
    assert.equal(await layer.nth(1).innerText(), '港区では、待機児童がゼロになりました。');
    assert.equal(await layer.nth(2).innerText(), '審査の結果について質問いたします。');
    await page.screenshot({ path: join(SHOTS, 'kebatori-clean.png') });
    await page.locator('[data-testid=layer-diff]').click();
    assert.deepEqual(await layer.nth(1).locator('del').allInnerTexts(), ['えー、', 'あのー、']);
    await page.screenshot({ path: join(SHOTS, 'kebatori-diff.png') });
    assert.equal(await storedText(1), 'えー、港区では、あのー、待機児童がゼロになりました。');
  });

  it('edits the council rule list: まあ switched off, a custom rule added; the view follows', async () => {
    await openPage(page, app);
    await page.locator('[data-testid=open-settings]').click();
    await page.locator('[data-testid=rule-table]').waitFor();
    await page.locator('[data-testid=rule-row][data-rule-id=maa] [data-testid=rule-enabled]').uncheck();
    await page.locator('[data-testid=rule-new-pattern]').fill('について');
    await page.locator('[data-testid=rule-new-kind]').selectOption('custom');
    await page.locator('[data-testid=rule-add]').click();
    await page.locator('[data-testid=style-numerals]').selectOption('kanji');
    await page.locator('[data-testid=rule-row]').nth(11).waitFor();
    let saved: CouncilSettings | null = null;
    for (let i = 0; i < 50; i++) {
      saved = await callApi<CouncilSettings>(app, 'getCouncilSettings');
      if (saved.minutesStyle.numerals === 'kanji' && saved.cleanupRules.length === 12) break;
      await page.waitForTimeout(100);
    }
    assert.equal(saved?.cleanupRules.find((r) => r.id === 'maa')?.enabled, false);
    assert.deepEqual(saved?.cleanupRules.at(-1), { id: 'user-12', pattern: 'について', kind: 'custom', enabled: true });
    await page.locator('[data-testid=cleanup-preview] del').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'council-settings.png') });
    await page.locator('[data-testid=style-text]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'council-settings-style.png') });

    await openPage(page, app, `#/meeting/${meetingId}`);
    await page.locator('[data-testid=layer-clean]').click();
    await page.locator('[data-testid=segment-layer]:not(.seg-layer-pending)').nth(2).waitFor();
    assert.equal(await page.locator('[data-testid=segment-layer]').nth(2).innerText(), 'まあ、審査の結果質問いたします。');
  });

  it('exports 会議録 .docx through the dialog: clean text, council style', async () => {
    await page.locator('[data-testid=open-export]').click();
    await page.locator('[data-testid=export-dialog]').waitFor();
    assert.ok(await page.locator('[data-testid=export-text-clean]').isChecked(), 'the house style says clean');
    await page.screenshot({ path: join(SHOTS, 'export-dialog.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-run]').click()]);
    assert.equal(download.suggestedFilename(), '令和6年第4回定例会.docx');
    const xml = readZipEntry(readFileSync(await download.path()), 'word/document.xml').toString('utf8');
    assert.ok(xml.includes('令和六年第四回定例会'), 'kanji numerals from the council style');
    assert.ok(xml.includes('◎区長（武藤正人君）\u3000港区では、待機児童がゼロになりました。'));
    assert.ok(xml.includes('◆五番（鈴木健太郎君）\u3000まあ、審査の結果質問いたします。'));
    await page.locator('[data-testid=export-dialog]').waitFor({ state: 'detached' });
    assert.deepEqual(browser.errors, []);
  });
});
