// Issue 13: "the dictionary export for Excel keeps =HYPERLINK(…) formulas (the meeting CSV already
// guards them)". Every CSV/TSV cell we write for Excel now starts with an apostrophe when it would
// start a formula, and our own import takes it off again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { createApiService } from '../../native/app/createApiService';
import { termFileBytes } from '../../native/app/terms/termFiles';
import { readDelimited } from '../../native/dictionary/delimitedText';
import { formulaSafe, withoutFormulaGuard } from '../../native/files/spreadsheetCells';
import { openStore } from '../../native/store/openStore';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/fixtures';

const HOSTILE = ['=HYPERLINK("http://198.51.100.7/x","開く")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', "=cmd|' /C calc'!A0"];

test('cells that Excel would run as formulas are written as text and read back unchanged', () => {
  for (const cell of HOSTILE) {
    assert.equal(formulaSafe(cell)[0], "'", cell);
    assert.equal(withoutFormulaGuard(formulaSafe(cell)), cell);
  }
  for (const cell of ['港区', "'quoted", '議会=議場', '']) assert.equal(formulaSafe(cell), cell);
});

test('the term list export (TSV and CSV, UTF-8 and Shift_JIS) carries no formula, and imports back to the same terms', async () => {
  const dataDir = tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir, mediaUrl: () => '' });
  try {
    for (const [i, note] of HOSTILE.entries()) {
      await service.saveTerm({
        surface: `用語${i}`,
        reading: 'ようご',
        kind: 'その他',
        misrecognitions: ['=1+1'],
        enabled: true,
        note: note.trim(),
      });
    }
    const before = await service.listTerms();
    for (const [format, encoding] of [
      ['csv', 'shift_jis'],
      ['tsv', 'utf8'],
      ['csv', 'utf8bom'],
    ] as const) {
      const bytes = termFileBytes(store, format, encoding);
      const text = encoding === 'shift_jis' ? iconv.decode(bytes, 'cp932') : bytes.toString('utf8').replace(/^\ufeff/, '');
      const raw = text
        .split(/\r\n/)
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(format === 'csv' ? ',' : '\t'));
      for (const cells of raw) {
        for (const cell of cells) assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+\-@\t]/, `${format}/${encoding}: ${cell}`);
      }
      assert.equal(readDelimited(text, format === 'csv' ? ',' : '\t').rows.length, before.length + 1);
      const file = join(dataDir, `用語.${format}`);
      writeFileSync(file, bytes);
      await service.importTerms(file, 'replace');
      assert.deepEqual(
        (await service.listTerms()).map(({ id: _id, ...t }) => t),
        before.map(({ id: _id, ...t }) => t),
        `${format}/${encoding} round trip`,
      );
    }
  } finally {
    await service.close();
    store.close();
  }
});
