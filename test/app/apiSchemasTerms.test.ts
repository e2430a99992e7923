// The term dictionary calls: their argument schemas, and import/export through the real service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Term, TermRow } from '../../native/common/api';
import { parseApiArgs } from '../../native/app/apiSchemas';
import { createApiService } from '../../native/app/createApiService';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { openStore } from '../../native/store/openStore';
import { tempDir } from '../helpers/fixtures';

const TERM: Term = {
  surface: '芝浦港南',
  reading: 'しばうらこうなん',
  kind: '地名',
  misrecognitions: ['芝浦公南'],
  enabled: true,
  note: '',
};

test('term calls: good arguments pass', () => {
  assert.deepEqual(parseApiArgs('listTerms', []), { ok: true, args: [] });
  assert.deepEqual(parseApiArgs('importTerms', ['/辞書/用語.tsv', 'merge']), { ok: true, args: ['/辞書/用語.tsv', 'merge'] });
  assert.equal(parseApiArgs('importTerms', ['a.csv', 'replace']).ok, true);
  assert.deepEqual(parseApiArgs('exportTermsBase64', ['tsv', 'utf8bom']), { ok: true, args: ['tsv', 'utf8bom'] });
  assert.deepEqual(parseApiArgs('saveTerm', [TERM]), { ok: true, args: [TERM] });
  assert.equal(parseApiArgs('saveTerm', [{ ...TERM, id: 4 }]).ok, true);
  assert.equal(parseApiArgs('deleteTerm', [4]).ok, true);
});

test('term calls: bad arguments are refused in Japanese and English', () => {
  const cases: [Parameters<typeof parseApiArgs>[0], unknown][] = [
    ['listTerms', [1]],
    ['importTerms', ['a.tsv']],
    ['importTerms', ['a.tsv', 'append']],
    ['importTerms', ['', 'merge']],
    ['importTerms', ['a\0.tsv', 'merge']],
    ['exportTermsBase64', ['xlsx', 'utf8']],
    ['exportTermsBase64', ['tsv', 'euc-jp']],
    ['exportTermsBase64', ['tsv']],
    ['saveTerm', [{ ...TERM, kind: '' }]],
    ['saveTerm', [{ ...TERM, kind: '特'.repeat(31) }]],
    ['saveTerm', [{ ...TERM, surface: '' }]],
    ['saveTerm', [{ ...TERM, surface: '　' }]],
    ['saveTerm', [{ ...TERM, reading: 'あ'.repeat(201) }]],
    ['saveTerm', [{ ...TERM, misrecognitions: 'x' }]],
    ['saveTerm', [{ ...TERM, misrecognitions: [''] }]],
    ['saveTerm', [{ ...TERM, enabled: 'yes' }]],
    ['saveTerm', [{ ...TERM, id: 0 }]],
    ['saveTerm', [{ ...TERM, extra: 1 }]],
    ['saveTerm', [{ surface: '港区' }]],
    ['deleteTerm', ['1']],
    ['deleteTerm', [-3]],
  ];
  for (const [method, args] of cases) {
    const r = parseApiArgs(method, args);
    assert.equal(r.ok, false, `${method} ${JSON.stringify(args)} should be refused`);
    if (!r.ok) {
      assert.match(r.text.ja, /入力内容が正しくありません/);
      assert.ok(r.text.en.includes(method));
    }
  }
});

test('import, edit and export through the service; a bad file imports nothing and names its lines', async () => {
  const dataDir = tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir, mediaUrl: (id) => `/media/${id}` });
  try {
    const good = join(dataDir, '用語 辞書.tsv');
    writeFileSync(good, iconv.encode('表記\tよみ\t種別\r\n港区\tみなとく\t地名\r\n芝浦港南\tシバウラコウナン\t地名\r\n', 'cp932'));
    assert.deepEqual(await dispatchApiCall(service, 'importTerms', [good, 'merge']), {
      ok: true,
      value: { added: 2, updated: 0, unknownKinds: [] },
    });
    const list = await service.listTerms();
    assert.deepEqual(list.map((t) => [t.surface, t.reading]).sort(), [
      ['港区', 'みなとく'],
      ['芝浦港南', 'しばうらこうなん'],
    ]);

    const bad = join(dataDir, 'bad.tsv');
    writeFileSync(bad, `表記\tよみ\t種別\n三田\tみた\t地名\n品川\t品川\t地名\n高輪\tたかなわ\t${'駅'.repeat(31)}\n`);
    const refused = await dispatchApiCall(service, 'importTerms', [bad, 'replace']);
    assert.ok(!refused.ok);
    if (!refused.ok) {
      assert.equal(refused.error.code, 'BAD_ARGUMENTS');
      assert.match(refused.error.text.ja, /何も取り込んでいません/);
      assert.match(refused.error.text.ja, /3 行目/);
      assert.match(refused.error.text.ja, /4 行目/);
      assert.match(refused.error.text.en, /nothing was imported/);
      assert.match(refused.error.text.en, /Line 3/);
    }
    assert.deepEqual(await service.listTerms(), list);

    const minato = list.find((t) => t.surface === '港区')!;
    const saved = (await dispatchApiCall(service, 'saveTerm', [{ ...minato, note: '区名' }])) as { ok: true; value: TermRow };
    assert.equal(saved.value.note, '区名');

    const b64 = await service.exportTermsBase64('csv', 'shift_jis');
    const text = iconv.decode(Buffer.from(b64, 'base64'), 'cp932');
    assert.match(text, /^表記,よみ,種別,誤認識,有効,備考\r\n/);
    assert.match(text, /港区,みなとく,地名,,有効,区名/);
    const bom = Buffer.from(await service.exportTermsBase64('tsv', 'utf8bom'), 'base64');
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

    assert.deepEqual(await dispatchApiCall(service, 'deleteTerm', [minato.id]), { ok: true, value: undefined });
    assert.deepEqual(
      (await service.listTerms()).map((t) => t.surface),
      ['芝浦港南'],
    );
  } finally {
    await service.close();
    store.close();
  }
});
