import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCleanupService, needsTokenizer } from '../../native/app/cleanupService';
import { cleanText } from '../../native/cleanup/cleanText';
import { DEFAULT_CLEANUP_RULES } from '../../native/cleanup/cleanupRules';
import { loadTokenizer } from '../../native/dictionary/loadTokenizer';
import { NO_CORPUS, SHARED } from '../helpers/fixtures';

const CORPUS = process.env['GIJIROKU_CORPUS'] ?? join(SHARED, 'corpus');

function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const name of readdirSync(CORPUS)) {
    const ref = join(CORPUS, name, 'reference.json');
    if (!existsSync(ref)) continue;
    const data = JSON.parse(readFileSync(ref, 'utf8')) as { segments: { text: string }[] };
    texts.push(...data.segments.map((s) => s.text));
  }
  return texts;
}

test(
  'the service tokenizes only where kuromoji can matter, and cleans exactly as cleanText with kuromoji does',
  { skip: existsSync(CORPUS) ? false : NO_CORPUS },
  async () => {
    const texts = [
      ...corpusTexts(),
      'あの 件について、ほい、保育園の件です。',
      'この 資料をご覧ください。',
      'えー、ちぃ、ちぃばすについて。',
    ];
    const tokenizer = await loadTokenizer();
    const service = createCleanupService();
    const spans = await service.cleanTexts(texts, DEFAULT_CLEANUP_RULES);
    texts.forEach((text, i) => {
      const full = cleanText(text, DEFAULT_CLEANUP_RULES, { tokenizer }).removed.map(({ start, end, rule }) => ({ start, end, rule }));
      assert.deepEqual(spans[i], full, text);
    });
    const tokenized = texts.filter((t) => needsTokenizer(t, DEFAULT_CLEANUP_RULES)).length;
    // measured on the corpus references (4 recordings): 25 of their 160 texts need kuromoji, plus 2 of the 3 above
    assert.ok(tokenized < texts.length / 2, `${tokenized} of ${texts.length} texts tokenized`);
    assert.ok(needsTokenizer('custom', [...DEFAULT_CLEANUP_RULES, { id: 'c', pattern: 'x', kind: 'custom', enabled: true }]));
    assert.ok(
      !needsTokenizer(
        'ほい、保育園',
        DEFAULT_CLEANUP_RULES.map((r) => ({ ...r, enabled: r.kind !== 'false-start' })),
      ),
    );
  },
);
