// Renders the .docx the way a clerk would see it (LibreOffice → PDF → PNG) into test-output/ for a
// human look; asserts only that it renders. Skipped where LibreOffice is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeMinutesDocx } from '../../native/export/minutes/writeDocx';
import { DEFAULT_MINUTES_STYLE, type MinutesStyle } from '../../native/export/minutes/minutesModel';
import { assetOrSkip, ROOT, tempDir } from '../helpers/fixtures';
import { corpusMinutes, NO_REFERENCE, REFERENCE } from './minutesFixture';

const found = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const skip = !assetOrSkip(REFERENCE, NO_REFERENCE)
  ? NO_REFERENCE
  : !found('soffice')
    ? 'skipped: soffice (LibreOffice) not installed; apt-get install libreoffice-writer-nogui'
    : !found('pdftoppm')
      ? 'skipped: pdftoppm not installed; apt-get install poppler-utils'
      : false;

const OUTPUT = join(ROOT, 'test-output');
const FONTS_CONF = join(ROOT, 'build', 'fontconfig', 'fonts.conf');

async function render(name: string, style: MinutesStyle): Promise<string[]> {
  const work = tempDir('gijiroku-render-');
  const docx = join(work, `${name}.docx`);
  await writeMinutesDocx(docx, corpusMinutes(), style);
  const env = { ...process.env, FONTCONFIG_FILE: FONTS_CONF };
  const office = spawnSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, docx],
    { env, timeout: 180_000, encoding: 'utf8' },
  );
  const pdf = join(work, `${name}.pdf`);
  assert.ok(existsSync(pdf), `soffice made no PDF: ${office.stderr}`);
  const pages =
    readFileSync(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  assert.ok(pages >= 1, `the PDF has ${pages} pages`);
  mkdirSync(OUTPUT, { recursive: true });
  for (const old of readdirSync(OUTPUT).filter((f) => f.startsWith(`${name}-`))) rmSync(join(OUTPUT, old));
  const ppm = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(OUTPUT, name)], { encoding: 'utf8' });
  assert.equal(ppm.status, 0, ppm.stderr);
  rmSync(work, { recursive: true, force: true });
  return readdirSync(OUTPUT)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => join(OUTPUT, f));
}

test('the minutes render to PDF and PNG (test-output/minutes-*.png)', { skip, timeout: 400_000 }, async () => {
  for (const [name, style] of [
    ['minutes-arabic', DEFAULT_MINUTES_STYLE],
    ['minutes-kanji', { ...DEFAULT_MINUTES_STYLE, numerals: 'kanji', text: 'verbatim' }],
  ] as const) {
    const pngs = await render(name, style);
    assert.ok(pngs.length >= 1, `${name}: no PNG`);
    console.log(`# ${name}: ${pngs.join(', ')}`);
  }
});
