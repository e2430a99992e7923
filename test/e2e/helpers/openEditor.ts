// Opens the editor on one meeting of a running app, in a fresh Chromium, and waits for its lines.
import { openPage, type RunningApp } from './appProcess';
import { openBrowser, type TestBrowser } from './browser';

export type OpenEditor = TestBrowser;

export interface OpenEditorOptions {
  viewport?: { width: number; height: number };
  /** a script run in the page before its own (addInitScript), e.g. to put something in localStorage */
  beforeLoad?: string;
}

export async function openEditor(app: RunningApp, meetingId: number, opts: OpenEditorOptions = {}): Promise<OpenEditor> {
  const browser = await openBrowser(opts.viewport);
  try {
    if (opts.beforeLoad) await browser.context.addInitScript(opts.beforeLoad);
    await openPage(browser.page, app, `#/meeting/${meetingId}`);
    await browser.page.locator('[data-testid=segment-text]').first().waitFor();
    return browser;
  } catch (e) {
    await browser.close();
    throw e;
  }
}
