// Editor benchmark: a 3,000-turn meeting is seeded into a fresh store, the real app is
// started (`scripts/start.mjs --headless`) and the editor is driven in Debian's Chromium.
//   npx vite build --config renderer/vite.config.ts && npx tsc -p . && node dist/bench/editorBench.js [--turns N]
// Measures: time to the editor's first painted transcript (cold page load and from the
// library), frame times while scrolling end to end, keystroke → durable (in the store),
// and the review pass from F9 to its first stretch playing with the cursor on it.
// Targets: open < 1 s, no frame over 50 ms, durable ≤ 1 s, review pass < 1 s. Prints a table, writes
// bench/results/editor-latest.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TranscriptView } from '../native/common/api';
import { callApi, japaneseDataDir, missingAppPieces, startApp, openPage } from '../test/e2e/helpers/appProcess';
import { openBrowser } from '../test/e2e/helpers/browser';
import { seedSyntheticMeeting } from '../test/e2e/helpers/seedMeeting';
import { ROOT } from '../test/helpers/fixtures';
import { printTable } from './table';

const TARGETS = { openMs: 1000, maxFrameMs: 50, durableMs: 1000, reviewOpenMs: 1000 };
const KEYSTROKE_RUNS = 5;

// Recorded inside the page: when the first transcript row has been painted.
const FIRST_PAINT_PROBE = `
  window.__firstRowPaint = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=segment-text]')) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__firstRowPaint = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });
`;

// F9 starts the review pass: time until its bar shows the first stretch and the cursor sits in its line.
const OPEN_REVIEW_PASS = `new Promise((resolve) => {
  const t0 = performance.now();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F9', bubbles: true, cancelable: true }));
  const check = () => {
    const bar = document.querySelector('[data-testid=review-bar]');
    const focused = document.activeElement;
    if (bar && bar.dataset.index === '0' && focused && focused.dataset && focused.dataset.segmentId) {
      requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0, stretches: Number(bar.dataset.total) }), 0));
    } else requestAnimationFrame(check);
  };
  check();
})`;

// Scrolls the transcript top → bottom → top, `step` px per frame, and returns every frame's duration.
const SCROLL_END_TO_END = (step: number) => `(async () => {
  const scroller = document.querySelector('.vlist');
  const deltas = [];
  const box = scroller.getBoundingClientRect();
  let blankFrames = 0;
  let last = await new Promise(requestAnimationFrame);
  for (const direction of [1, -1]) {
    for (;;) {
      const before = scroller.scrollTop;
      scroller.scrollTop = before + direction * ${step};
      const now = await new Promise(requestAnimationFrame);
      deltas.push(now - last);
      last = now;
      // a frame where the middle of the viewport shows no row is a blank flash
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !hit.closest('.vlist-row')) blankFrames++;
      const atEnd = direction > 0 ? scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 : scroller.scrollTop <= 0;
      if (atEnd && Math.abs(scroller.scrollTop - before) < 1) break;
    }
  }
  return { deltas, blankFrames, height: scroller.scrollHeight, rendered: document.querySelectorAll('[data-testid=segment]').length };
})()`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { turns: { type: 'string', default: '3000' }, step: { type: 'string', default: '400' } } });
  const turns = Number(values.turns);
  const step = Number(values.step);
  const missing = missingAppPieces();
  if (missing) {
    console.log(missing);
    return;
  }

  const dataDir = japaneseDataDir();
  const seeded = seedSyntheticMeeting(dataDir, turns, join(dataDir, '無音 録音.flac'));
  const app = await startApp(dataDir);
  const browser = await openBrowser({ width: 1400, height: 900 });
  const { page } = browser;
  try {
    await page.addInitScript(FIRST_PAINT_PROBE);
    const editorUrl = `${app.origin}/#/meeting/${seeded.meetingId}`;

    // warm the server's caches and the HTTP connection the way a second window would
    await openPage(page, app);
    await page.locator('[data-testid=meeting-row]').first().waitFor();

    const coldRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto('about:blank');
      await page.goto(editorUrl);
      await page.waitForFunction(() => (globalThis as unknown as { __firstRowPaint: number | null }).__firstRowPaint !== null, undefined, {
        timeout: 20_000,
      });
      coldRuns.push((await page.evaluate('window.__firstRowPaint')) as number);
    }

    const fromLibraryRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      await openPage(page, app);
      await page.locator('[data-testid=meeting-row]').first().waitFor();
      const ms = (await page.evaluate(`new Promise((resolve) => {
        const t0 = performance.now();
        location.hash = '#/meeting/${seeded.meetingId}';
        const check = () => document.querySelector('[data-testid=segment-text]')
          ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
          : requestAnimationFrame(check);
        check();
      })`)) as number;
      fromLibraryRuns.push(ms);
    }

    await page.waitForTimeout(500);
    const scroll = (await page.evaluate(SCROLL_END_TO_END(step))) as {
      deltas: number[];
      blankFrames: number;
      height: number;
      rendered: number;
    };
    const frames = scroll.deltas.slice(1);

    const durableRuns: number[] = [];
    for (let run = 0; run < KEYSTROKE_RUNS; run++) {
      const box = page.locator('[data-testid=segment-text]').nth(run + 1);
      const segmentId = Number(await box.getAttribute('data-segment-id'));
      await box.focus();
      await page.keyboard.press('End');
      const marker = `改${run}`;
      const t0 = Date.now();
      await page.keyboard.type(marker);
      for (;;) {
        const view = await callApi<TranscriptView>(app, 'getTranscript', seeded.meetingId);
        if (view.segments.find((s) => s.id === segmentId)?.text.endsWith(marker)) break;
        if (Date.now() - t0 > 10_000) throw new Error('edit never became durable');
        await new Promise((r) => setTimeout(r, 20));
      }
      durableRuns.push(Date.now() - t0);
    }

    const reviewRuns: number[] = [];
    let stretches = 0;
    for (let run = 0; run < 3; run++) {
      const r = (await page.evaluate(OPEN_REVIEW_PASS)) as { ms: number; stretches: number };
      reviewRuns.push(r.ms);
      stretches = r.stretches;
      await page.keyboard.press('F9');
      await page.locator('[data-testid=review-bar]').waitFor({ state: 'detached' });
    }

    const result = {
      when: new Date().toISOString(),
      meeting: { turns, segments: seeded.segments, durationS: seeded.duration },
      openColdMs: { runs: coldRuns.map(round1), max: round1(Math.max(...coldRuns)) },
      openFromLibraryMs: { runs: fromLibraryRuns.map(round1), max: round1(Math.max(...fromLibraryRuns)) },
      scroll: {
        stepPxPerFrame: step,
        heightPx: scroll.height,
        frames: frames.length,
        maxFrameMs: round1(Math.max(...frames)),
        p95FrameMs: round1(percentile(frames, 95)),
        medianFrameMs: round1(percentile(frames, 50)),
        framesOver50Ms: frames.filter((f) => f > 50).length,
        rowsInDomAtEnd: scroll.rendered,
        blankFrames: scroll.blankFrames,
      },
      keystrokeToDurableMs: { runs: durableRuns, max: Math.max(...durableRuns), median: percentile(durableRuns, 50) },
      reviewPassOpenMs: { runs: reviewRuns.map(round1), max: round1(Math.max(...reviewRuns)), stretches },
      targets: TARGETS,
      pageErrors: browser.errors,
    };
    const pass = (ok: boolean) => (ok ? 'ok' : 'OVER');
    printTable(`Editor, ${turns} turns (${seeded.segments} segments)`, [
      {
        measure: 'open, cold page load (max of 3)',
        value: `${result.openColdMs.max} ms`,
        target: `< ${TARGETS.openMs} ms`,
        status: pass(result.openColdMs.max < TARGETS.openMs),
      },
      {
        measure: 'open from the library (max of 3)',
        value: `${result.openFromLibraryMs.max} ms`,
        target: `< ${TARGETS.openMs} ms`,
        status: pass(result.openFromLibraryMs.max < TARGETS.openMs),
      },
      {
        measure: `scroll end to end, max frame (${frames.length} frames)`,
        value: `${result.scroll.maxFrameMs} ms`,
        target: `≤ ${TARGETS.maxFrameMs} ms`,
        status: pass(result.scroll.maxFrameMs <= TARGETS.maxFrameMs),
      },
      { measure: 'scroll, p95 frame', value: `${result.scroll.p95FrameMs} ms`, target: '', status: '' },
      {
        measure: 'scroll, frames with no row in mid-viewport',
        value: String(scroll.blankFrames),
        target: '0',
        status: pass(scroll.blankFrames === 0),
      },
      {
        measure: `keystroke → durable (max of ${KEYSTROKE_RUNS})`,
        value: `${result.keystrokeToDurableMs.max} ms`,
        target: `≤ ${TARGETS.durableMs} ms`,
        status: pass(result.keystrokeToDurableMs.max <= TARGETS.durableMs),
      },
      {
        measure: `review pass: F9 → first of ${stretches} stretches playing, cursor on it (max of 3)`,
        value: `${result.reviewPassOpenMs.max} ms`,
        target: `< ${TARGETS.reviewOpenMs} ms`,
        status: pass(result.reviewPassOpenMs.max < TARGETS.reviewOpenMs),
      },
    ]);
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'editor-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nsaved bench/results/editor-latest.json${browser.errors.length ? `; page errors: ${browser.errors.join(' | ')}` : ''}`);
  } finally {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
