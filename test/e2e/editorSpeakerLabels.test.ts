// The speakers panel names speakers from the roster: the clerk imports the roster, asks for
// suggestions (the chair's calls), sees where each name came from and how sure it is, and picks
// another attendee for a speaker. Seeded with the m02 reference (speakers known), no model needed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TranscriptView } from '../../native/common/api';
import type { RosterRow, SpeakerLabelRow } from '../../native/common/speakers';
import { corpusDir } from '../../native/eval/corpus';
import { ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, startApp, type RunningApp } from './helpers/appProcess';
import type { TestBrowser } from './helpers/browser';
import { openEditor } from './helpers/openEditor';
import { seedReferenceMeeting } from './helpers/seedMeeting';

const skip = missingAppPieces() ?? (corpusDir() ? null : 'skipped: ../shared/corpus not found');

describe('naming speakers from the roster in the editor', { skip: skip ?? false }, () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  let meetingId = 0;
  let roster: RosterRow[] = [];

  before(async () => {
    const dataDir = japaneseDataDir();
    meetingId = seedReferenceMeeting(dataDir, join(corpusDir()!, 'm02_kosei_hoikuen'), { body: '厚生委員会' });
    app = await startApp(dataDir);
    browser = await openEditor(app, meetingId);
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  // by the card's own heading: other cards name this voice too, in their merge list, until it has a name
  const card = (label: string) =>
    page.locator('[data-testid=speaker-card]', { has: page.locator('.speaker-card-head strong', { hasText: new RegExp(`^${label}$`) }) });

  it('the clerk imports the roster file; a bad one is refused with its lines shown', async () => {
    await page.locator('[data-testid=open-speakers]').click();
    const panel = page.locator('[data-testid=speakers-panel]');
    await panel.getByText('出席者名簿がまだありません。').waitFor();
    const input = panel.locator('[data-testid=roster-import-file]');
    await input.setInputFiles({
      name: '名簿.tsv',
      mimeType: 'text/plain',
      buffer: Buffer.from('氏名\tよみ\t職名\t議席\n\tすずき\t委員\t5\n'),
    });
    assert.match(await panel.locator('[data-testid=roster-import-errors]').innerText(), /2 行目: 氏名が空です/);
    await input.setInputFiles(join(ROOT, 'test', 'fixtures', 'roster', 'm02-kosei.csv'));
    await panel.getByText('出席者 4 名').waitFor();
    roster = await callApi<RosterRow[]>(app, 'getRoster', meetingId);
    assert.deepEqual(
      roster.map((r) => r.name),
      ['小林宏', '鈴木健太郎', '山本由美子', '伊藤直子'],
    );
  });

  it("suggestions from the chair's calls show their source, confidence and reason on each speaker", async () => {
    await page.locator('[data-testid=suggest-labels]').click();
    await card('suzuki').locator('[data-testid=label-source]').waitFor();
    assert.equal(await card('suzuki').locator('[data-testid=label-source]').innerText(), '指名から 90%');
    assert.match(await card('suzuki').locator('[data-testid=label-reason]').innerText(), /委員長の指名『鈴木委員』の直後の発言/);
    assert.equal(await card('suzuki').locator('[data-testid=speaker-name]').inputValue(), '鈴木健太郎');
    assert.equal(await card('iincho').locator('[data-testid=speaker-role]').inputValue(), '委員長');
    await page.screenshot({ path: join(ROOT, 'test-output', 'editor-speaker-labels.png') });
  });

  it("the clerk picks another attendee: stored as the clerk's choice and shown at once", async () => {
    const yamamoto = roster.find((r) => r.name === '山本由美子')!;
    await card('suzuki').locator('[data-testid=roster-pick]').selectOption(String(yamamoto.id));
    await card('suzuki').locator('[data-testid=label-source]', { hasText: '手動 100%' }).waitFor();
    const view = await callApi<TranscriptView>(app, 'getTranscript', meetingId);
    const suzuki = view.speakers.find((s) => s.label === 'suzuki')!;
    assert.deepEqual([suzuki.name, suzuki.role], ['山本由美子', '12番']);
    const labels = await callApi<SpeakerLabelRow[]>(app, 'listSpeakerLabels', meetingId);
    assert.deepEqual(
      labels.filter((l) => l.speakerId === suzuki.id).map((l) => [l.source, l.rosterId]),
      [['clerk', yamamoto.id]],
    );
    assert.equal(await card('suzuki').locator('[data-testid=speaker-name]').inputValue(), '山本由美子');
  });
});
