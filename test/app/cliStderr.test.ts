import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CliStderrReader, parseProgressLine } from '../../native/app/jobs/cliStderr';
import { transcribeArgs } from '../../native/app/jobs/jobRunner';

test('progress lines are read, whatever the chunking', () => {
  const r = new CliStderrReader();
  const text =
    '{"progress":0.1,"eta_s":null,"stage":"decode"}\n{"progress":0.42,"eta_s":81,"stage":"asr"}\nnoise\n{"progress":1,"eta_s":0,"stage":"done"}\n';
  const got = [];
  for (let i = 0; i < text.length; i += 7) got.push(...r.push(text.slice(i, i + 7)));
  assert.deepEqual(got, [
    { progress: 0.1, eta_s: null, stage: 'decode' },
    { progress: 0.42, eta_s: 81, stage: 'asr' },
    { progress: 1, eta_s: 0, stage: 'done' },
  ]);
  assert.equal(parseProgressLine('{"progress":"x","stage":"asr"}'), null);
  assert.equal(parseProgressLine('{"progress":0.5,"stage":"flying"}'), null);
  assert.equal(parseProgressLine('{broken'), null);
});

test('the error the CLI printed becomes the job error, in both languages, without the usage text', () => {
  const r = new CliStderrReader();
  r.push('{"progress":0.2,"eta_s":10,"stage":"asr"}\n');
  r.push('エラー: ファイル「/x.wav」が見つかりません。\nError: The file "/x.wav" does not exist.\n');
  assert.deepEqual(r.failure(1, null), { ja: 'ファイル「/x.wav」が見つかりません。', en: 'The file "/x.wav" does not exist.' });

  const usage = new CliStderrReader();
  usage.push(
    'エラー: 入力ファイルを一つ指定してください。\n使い方 / Usage:\n  gijiroku transcribe INPUT\nError: Give exactly one input file.\n',
  );
  assert.deepEqual(usage.failure(2, null), { ja: '入力ファイルを一つ指定してください。', en: 'Give exactly one input file.' });
});

test('a crash without a message still says what happened, in both languages', () => {
  const r = new CliStderrReader();
  r.push('Segmentation fault');
  const t = r.failure(null, 'SIGSEGV');
  assert.match(t.ja, /SIGSEGV/);
  assert.match(t.en, /SIGSEGV/);
  assert.match(t.en, /Segmentation fault/);
});

test('job arguments always resume and ask for speakers; every value is joined to its option, the input follows --', () => {
  assert.deepEqual(transcribeArgs('/app/bin/gijiroku.js', '/録音/本会議.flac', '/m/ggml-base.bin', '/d/results/job-3.json'), [
    '/app/bin/gijiroku.js',
    'transcribe',
    '--model=/m/ggml-base.bin',
    '--json=/d/results/job-3.json',
    '--resume',
    '--speakers=auto',
    '--',
    '/録音/本会議.flac',
  ]);
  assert.deepEqual(transcribeArgs('/c.js', '-録音.flac', '/m.bin', '/o.json', { terms: '/t.tsv', body: '-本会議' }).slice(6), [
    '--dictionary=/t.tsv',
    '--body=-本会議',
    '--',
    '-録音.flac',
  ]);
});
