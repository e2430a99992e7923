import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateTokens, tokenAt } from '../../renderer/src/features/editor/transcript/tokenRanges';
import { tokensFor } from '../helpers/transcripts';

const TOKENS = tokensFor(['ただ', '今', 'から', '会議', 'を', '開き', 'ます', '。'], 10);
const TEXT = 'ただ今から会議を開きます。';

test('each token is found where it sits in the text', () => {
  const ranges = locateTokens(TEXT, TOKENS);
  assert.ok(ranges);
  assert.deepEqual(
    ranges.map((r) => TEXT.slice(r.from, r.to)),
    ['ただ', '今', 'から', '会議', 'を', '開き', 'ます', '。'],
  );
});

test('leading spaces of tokens and one character the engine dropped between them are allowed', () => {
  const spaced = [{ ...TOKENS[0]!, text: ' ただ' }, ...TOKENS.slice(1)];
  assert.ok(locateTokens(TEXT, spaced));
  assert.ok(locateTokens('ただ今、から会議を開きます。', TOKENS), 'a 、 not among the tokens');
});

test('once the clerk rewrote the text the tokens no longer fit: no ranges (nothing highlighted or flagged)', () => {
  assert.equal(locateTokens('ただいまより会議を開きます。', TOKENS), null);
  assert.equal(locateTokens(`${TEXT}以上、追記しました。`, TOKENS), null, 'text added after the last token');
  assert.equal(locateTokens(TEXT, []), null);
});

test('the token spoken at a time: the last started, until half a second after its end', () => {
  const ranges = locateTokens(TEXT, TOKENS)!;
  assert.equal(tokenAt(ranges, 9), -1);
  assert.equal(tokenAt(ranges, 10.2), 0);
  assert.equal(tokenAt(ranges, 11.5), 3);
  assert.equal(tokenAt(ranges, 14.4), 7, 'the last token ends at 14: still shown 0.4 s later');
  assert.equal(tokenAt(ranges, 14.6), -1);
});
