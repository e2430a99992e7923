// The term dictionary screen in a plain browser: import the corpus dictionary through the
// file dialog, edit a term, reload, export Shift_JIS as a download, and refuse a bad file.
// Needs no model: it runs in seconds.
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TermRow } from '../../native/common/api';
import { ROOT } from '../helpers/fixtures';
import { callApi, japaneseDataDir, missingAppPieces, startApp, type RunningApp, openPage } from './helpers/appProcess';
import { openBrowser, type TestBrowser } from './helpers/browser';

const CORPUS_DICTIONARY = '/work/shared/corpus/dictionary.tsv';
const skip = missingAppPieces();

describe('term dictionary screen', { skip: skip ?? false }, () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let page: Page;
  let dataDir = '';

  const row = (surface: string) =>
    page.locator('[data-testid=term-row]', {
      has: page.locator('[data-testid=term-cell-surface]', { hasText: new RegExp(`^${surface}$`) }),
    });

  before(async () => {
    dataDir = japaneseDataDir();
    app = await startApp(dataDir);
    browser = await openBrowser();
    page = browser.page;
    await openPage(page, app);
    await page.locator('[data-testid=open-terms]').click();
    await page.locator('[data-testid=term-screen]').waitFor();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('imports the corpus dictionary through the file dialog', async () => {
    await page.locator('[data-testid=term-empty]').waitFor();
    await page.locator('[data-testid=term-import-file]').setInputFiles(CORPUS_DICTIONARY);
    await page.locator('[data-testid=term-import-result]').waitFor();
    await row('芝浦港南').waitFor();
    const lines =
      readFileSync(CORPUS_DICTIONARY, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '').length - 1;
    assert.equal(await page.locator('[data-testid=term-row]').count(), lines);
    assert.match(await page.locator('[data-testid=term-import-result]').innerText(), new RegExp(`${lines} 件追加`));
    assert.match(await row('芝浦港南').innerText(), /しばうらこうなん/);
    await page.screenshot({ path: join(ROOT, 'test-output', 'term-dictionary.png') });
  });

  it('edits a term in place; the change survives a reload', async () => {
    await row('芝浦港南').locator('[data-testid=term-edit]').click();
    const editor = page.locator('[data-testid=term-edit-row]');
    await editor.locator('[data-testid=term-misrecognitions]').fill('芝浦公南、柴浦港南');
    await editor.locator('[data-testid=term-note]').fill('港区の地域名');
    await editor.locator('[data-testid=term-save]').click();
    await editor.waitFor({ state: 'detached' });
    const stored = (await callApi<TermRow[]>(app, 'listTerms')).find((t) => t.surface === '芝浦港南');
    assert.deepEqual([stored?.misrecognitions, stored?.note], [['芝浦公南', '柴浦港南'], '港区の地域名']);
    await page.reload();
    await row('芝浦港南').waitFor();
    assert.equal(await row('芝浦港南').locator('[data-testid=term-cell-note]').innerText(), '港区の地域名');
  });

  it('exports Shift_JIS (the default) as a download', async () => {
    assert.equal(await page.locator('[data-testid=term-export-encoding]').inputValue(), 'shift_jis');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=term-export]').click()]);
    const path = await download.path();
    const bytes = readFileSync(path);
    const text = iconv.decode(bytes, 'cp932');
    assert.match(text, /^表記\tよみ\t種別\t誤認識\t有効\t備考\r\n/);
    assert.match(text, /芝浦港南\tしばうらこうなん\t地名\t芝浦公南｜柴浦港南\t有効\t港区の地域名/);
    assert.ok(!bytes.toString('utf8').includes('芝浦港南'), 'the bytes are Shift_JIS, not UTF-8');
    assert.match(download.suggestedFilename(), /\.tsv$/);
  });

  it('refuses a file with a bad row, naming its line, and changes nothing', async () => {
    const before = await callApi<TermRow[]>(app, 'listTerms');
    const bad = join(dataDir, '誤りのある辞書.tsv');
    writeFileSync(bad, '表記\tよみ\t種別\n新橋\tしんばし\t地名\n汐留\t汐留\t地名\n');
    await page.locator('[data-testid=term-import-mode]').selectOption('replace');
    await page.locator('[data-testid=term-import-file]').setInputFiles(bad);
    const errors = page.locator('[data-testid=term-import-errors]');
    await errors.waitFor();
    const text = await errors.innerText();
    assert.match(text, /3 行目/);
    assert.match(text, /汐留/);
    assert.match(text, /何も取り込んでいません/);
    assert.deepEqual(await callApi<TermRow[]>(app, 'listTerms'), before);
    assert.equal(await page.locator('[data-testid=term-row]').count(), before.length);
    assert.equal(await row('新橋').count(), 0);
    // the same message in English
    await page.locator('[data-testid=lang-switch]').click();
    assert.match(await errors.innerText(), /Line 3.*nothing was imported|nothing was imported[\s\S]*Line 3/);
    await page.locator('[data-testid=lang-switch]').click();
    assert.deepEqual(
      browser.errors.filter((e) => !/ApiError|BAD_ARGUMENTS/.test(e)),
      [],
      'only the refused import was reported',
    );
  });
});
