// Chromium itself, through the bridge: the page loads under its CSP, and an
// <audio> on the meeting's mediaUrl is seekable (which needs Range answers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Meeting } from '../../native/common/api';
import { startBridgeApp } from '../../native/bridge/startBridgeApp';
import { corpusAudio, NO_CORPUS, tempDir } from '../helpers/fixtures';
import { callBridge, MEETING, valueOf, uploadToBridge } from '../app/appFixtures';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const audio = corpusAudio('m03_kotsu_chiibasu');
const skip = !existsSync(CHROMIUM) ? `skipped: no Chromium at ${CHROMIUM}` : !audio ? NO_CORPUS : false;

test('in Chromium, the meeting audio from mediaUrl plays from any point (Range) under the CSP', { skip, timeout: 60_000 }, async () => {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html lang="ja"><meta charset="utf-8"><title>議事録</title><p>テスト</p></html>',
  );
  const app = await startBridgeApp({ dataDir: tempDir(), staticDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const meeting = valueOf(
      await callBridge<Meeting>(app.bridge.origin, app.bridge.token, 'createMeeting', [
        MEETING,
        await uploadToBridge(app.bridge.origin, app.bridge.token, audio ?? ''),
      ]),
    );
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // in through a one-time code, as the launch file does; the redirect leaves no code in the address bar
    await page.goto(`${app.bridge.origin}/open?code=${app.bridge.launch.issue()}`);
    assert.equal(page.url(), `${app.bridge.origin}/`);
    assert.equal(await page.title(), '議事録');

    // page code as text: this project compiles without the DOM library
    const result = (await page.evaluate(`(async () => {
      const res = await fetch('./api/mediaUrl', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([${meeting.id}]) });
      const reply = await res.json();
      const el = new Audio(reply.value);
      el.preload = 'auto';
      await new Promise((resolve, reject) => { el.onloadedmetadata = resolve; el.onerror = () => reject(new Error('media error ' + el.error?.code)); });
      const seekableEnd = el.seekable.length ? el.seekable.end(0) : 0;
      el.currentTime = 60;
      await new Promise((resolve) => { el.onseeked = resolve; });
      return { duration: el.duration, seekableEnd, currentTime: el.currentTime };
    })()`)) as { duration: number; seekableEnd: number; currentTime: number };
    assert.ok(Math.abs(result.duration - 90.83) < 0.5, `duration ${result.duration}`);
    assert.ok(result.seekableEnd > 90, `seekable to ${result.seekableEnd}`);
    assert.ok(Math.abs(result.currentTime - 60) < 0.5, `seeked to ${result.currentTime}`);

    // a remote resource is refused by the CSP (nothing leaves the machine either way)
    const blocked = await page.evaluate(`fetch('http://192.0.2.1/x').then(() => false, () => true)`);
    assert.ok(blocked);
    assert.ok(violations.length >= 1, 'the CSP reported the attempt');
  } finally {
    await browser.close();
    await app.close();
  }
});
