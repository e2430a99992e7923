import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript } from '../../native/common/transcript';
import { corpusAudio, NO_CORPUS, NO_MODEL, runCli, SHARED, tempDir, testModel } from '../helpers/fixtures';
import { readZipEntry } from '../export/readZipEntry';

const model = testModel();
const m03 = corpusAudio('m03_kotsu_chiibasu');
const dictionary = join(SHARED, 'corpus', 'dictionary.tsv');

test(
  '--dictionary steers and corrects, --clean adds the filler-free text, --csv and --docx are written',
  { skip: !model ? NO_MODEL : !m03 ? NO_CORPUS : false },
  async () => {
    const dir = tempDir();
    const out = (f: string): string => join(dir, f);
    const r = await runCli([
      'transcribe',
      m03 ?? '',
      '--model',
      model ?? '',
      '--dictionary',
      dictionary,
      '--clean',
      '--body',
      '交通・環境等対策特別委員会',
      '--title',
      '交通・環境等対策特別委員会記録',
      '--json',
      out('t.json'),
      '--csv',
      out('t.csv'),
      '--txt',
      out('t.txt'),
      '--docx',
      out('会議 録.docx'),
    ]);
    assert.equal(r.code, 0, r.stderr);
    const t = JSON.parse(readFileSync(out('t.json'), 'utf8')) as Transcript;
    const text = t.segments.map((s) => s.text).join('');
    assert.ok(text.includes('ちぃばす'), 'the dictionary corrects what whisper heard into ちぃばす');
    assert.ok((t.corrections ?? []).length > 0, 'corrections are listed');
    for (const c of t.corrections ?? []) {
      const seg = t.segments.find((s) => s.id === c.segment);
      if (c.applied) assert.ok(seg?.text.includes(c.to), `${c.from} → ${c.to} is in the text`);
    }
    assert.ok(
      t.segments.every((s) => typeof s.clean === 'string'),
      'every segment has its clean text',
    );
    assert.ok(
      t.segments.some((s) => s.clean !== s.text),
      'ケバ取り removed something',
    );
    assert.ok(t.segments.every((s) => (s.clean ?? '').length <= s.text.length));
    const csv = readFileSync(out('t.csv'), 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'CSV for Excel starts with a BOM');
    assert.equal(csv.trim().split('\r\n').length, t.segments.length + 1);
    const docx = readFileSync(out('会議 録.docx'));
    assert.ok(readZipEntry(docx, 'word/document.xml').toString('utf8').includes('交通・環境等対策特別委員会記録'));
    assert.match(readZipEntry(docx, 'word/styles.xml').toString('utf8'), /w:eastAsia="ＭＳ 明朝"/);
  },
);

test(
  'a term dictionary with bad rows stops the run before any work, naming the lines',
  { skip: !model ? NO_MODEL : !m03 ? NO_CORPUS : false },
  async () => {
    const dir = tempDir();
    const bad = join(dir, 'terms.tsv');
    writeFileSync(bad, '表記\tよみ\t種別\n芝浦\tしばうら\t地名\n\tこうなん\t地名\n品川\t品川\t地名\n');
    const json = join(dir, 'out.json');
    const r = await runCli(['transcribe', m03 ?? '', '--model', model ?? '', '--dictionary', bad, '--json', json]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /3 行目/);
    assert.match(r.stderr, /4 行目/);
    assert.match(r.stderr, /line 3/);
    assert.equal(existsSync(json), false);
  },
);
