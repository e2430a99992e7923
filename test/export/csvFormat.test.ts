import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, toCsv } from '../../native/export/csvFormat';

test('CSV for Excel: BOM, CRLF, RFC 4180 quoting', () => {
  const csv = toCsv([
    { start: 0.656, end: 3.428, speaker: '議長', text: 'ただいまから開会いたします。' },
    { start: 3725.5, end: 3730, speaker: null, text: '「異議なし」, "賛成"\n続き' },
  ]);
  assert.ok(csv.startsWith('\uFEFFstart,end,speaker,text\r\n'));
  const rows = csv.slice(1).split('\r\n');
  assert.equal(rows[1], '00:00:00.656,00:00:03.428,議長,ただいまから開会いたします。');
  assert.equal(rows[2], '01:02:05.500,01:02:10.000,,"「異議なし」, ""賛成""\n続き"');
  assert.equal(rows[3], '');
});

test('cells that Excel would run as formulas are defused', () => {
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('-5番'), "'-5番");
});
