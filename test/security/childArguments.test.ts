// Issue 13, "a 会議体 starting with '-' makes every job fail": the job runner passed `--body -本会議`,
// which the CLI's parseArgs reads as an unknown option. Every value a user types now goes as
// `--body=…`, and the input after `--`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transcribeArgs } from '../../native/app/jobs/jobRunner';
import { CLI, makeMedia, NO_MODEL, runCli, tempDir, testModel } from '../helpers/fixtures';

const model = testModel();

test('a 会議体 and an input name that start with "-" reach the CLI as values', { skip: model ? false : NO_MODEL }, async () => {
  const dir = tempDir();
  const input = join(dir, '-録音.wav');
  makeMedia(['-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '3', input]);
  const terms = join(dir, 'terms.tsv');
  writeFileSync(terms, '表記\tよみ\t種別\n港区\tみなとく\t地名\n');
  const out = join(dir, 'out.json');
  const before = await runCli(['transcribe', input, '--model', model!, '--json', out, '--dictionary', terms, '--body', '-本会議']);
  assert.equal(before.code, 2, 'the old form is refused as bad arguments (what made every job fail)');
  const args = transcribeArgs(CLI, input, model!, out, { terms, body: '-本会議' }).slice(1);
  const r = await runCli(args);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(out));
});
