import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from '../../native/cleanup/cleanText';
import { DEFAULT_CLEANUP_RULES, parseCleanupRules, serializeCleanupRules } from '../../native/cleanup/cleanupRules';
import { diffClean, formatCleanDiff } from '../../native/cleanup/diffClean';
import { loadTokenizer, type JaTokenizer } from '../../native/dictionary/loadTokenizer';
import { corpusDir, listMeetings, loadMeeting } from '../../native/eval/corpus';

const CONTENT = new Set(['名詞', '動詞', '形容詞']);
function contentWords(tokenizer: JaTokenizer, text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokenizer.tokenize(text)) if (CONTENT.has(t.pos)) m.set(t.surface_form, (m.get(t.surface_form) ?? 0) + 1);
  return m;
}

test('ケバ取り on the whole corpus gives text_clean for every segment and loses no content word', async (t) => {
  if (!corpusDir()) return t.skip('corpus not found');
  const tokenizer = await loadTokenizer();
  let total = 0;
  let matched = 0;
  const misses: string[] = [];
  for (const name of listMeetings()) {
    for (const seg of loadMeeting(name).segments) {
      total++;
      const { clean, removed } = cleanText(seg.text, DEFAULT_CLEANUP_RULES, { tokenizer });
      if (clean === seg.text_clean) matched++;
      else misses.push(`${seg.text} → ${clean}`);
      const have = contentWords(tokenizer, clean);
      for (const [w, n] of contentWords(tokenizer, seg.text_clean)) assert.ok((have.get(w) ?? 0) >= n, `lost ${w} in ${seg.text}`);
      assert.equal(formatCleanDiff(diffClean(seg.text, { clean, removed })).replace(/〔[^〕]*〕/g, ''), clean);
    }
  }
  t.diagnostic(`match rate ${matched}/${total} (${((100 * matched) / total).toFixed(1)} %)`);
  assert.deepEqual(misses, []);
});

test('fillers at phrase starts go with their 、; a demonstrative あの before a noun stays', async () => {
  const tokenizer = await loadTokenizer();
  const clean = (s: string) => cleanText(s, DEFAULT_CLEANUP_RULES, { tokenizer }).clean;
  assert.equal(clean('えー、その、高齢者の方から'), '高齢者の方から');
  assert.equal(clean('えーと、それでは、うーん、始めます'), 'それでは、始めます');
  assert.equal(clean('あの人が来た'), 'あの人が来た');
  assert.equal(clean('選考の基準そのものは'), '選考の基準そのものは');
  assert.equal(clean('ちぃ、ちぃばすの利用'), 'ちぃばすの利用');
  assert.equal(clean('ほい、保育園の整備'), '保育園の整備');
  assert.equal(clean('えー、新規、あのー、新規就農者への支援'), '新規就農者への支援');
  assert.equal(clean('まあまあの結果'), 'まあまあの結果');
});

test('every removal is listed against the verbatim text', () => {
  const verbatim = 'えー、港区では、あのー、人口が';
  const r = cleanText(verbatim, DEFAULT_CLEANUP_RULES);
  assert.equal(r.clean, '港区では、人口が');
  assert.deepEqual(r.removed, [
    { start: 0, end: 3, text: 'えー、', rule: 'ee' },
    { start: 8, end: 12, text: 'あのー、', rule: 'ano' },
  ]);
  assert.equal(formatCleanDiff(diffClean(verbatim, r)), '〔えー、〕港区では、〔あのー、〕人口が');
});

test('rules are data: a council can switch one off, add its own and keep them as JSON', () => {
  const rules = parseCleanupRules(
    serializeCleanupRules([
      ...DEFAULT_CLEANUP_RULES.map((r) => (r.id === 'maa' ? { ...r, enabled: false } : r)),
      { id: 'desune', pattern: '/ですね(?=、)/', kind: 'custom', enabled: true },
    ]),
  );
  assert.equal(cleanText('まあ、そうですね、考えます', rules).clean, 'まあ、そう、考えます');
  assert.throws(() => parseCleanupRules('{"rules":[{"id":"x","pattern":"/(/","kind":"custom"}]}'));
});
