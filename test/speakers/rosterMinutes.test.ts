import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RosterMember } from '../../native/common/speakers';
import type { Transcript } from '../../native/common/transcript';
import { loadTokenizer } from '../../native/dictionary/loadTokenizer';
import { corpusDir } from '../../native/eval/corpus';
import { exportFromTranscript } from '../../native/export/exportFromTranscript';
import { EXPORT_TABLE } from '../../native/export/exportTable';
import { labelSpeakers, type RosterLabelling } from '../../native/pipeline/rosterLabels';
import { loadRosterFile } from '../../native/speakers/loadRosterFile';
import { ROOT, runCli, tempDir } from '../helpers/fixtures';
import { referenceTranscript } from '../helpers/transcripts';
import { readZipEntry } from '../export/readZipEntry';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'roster');
const NO_CORPUS = 'skipped: ../shared/corpus not found and GIJIROKU_CORPUS is not set';
const META = { title: '厚生委員会', body: '厚生委員会', date: '2024-12-02', place: '第1委員会室' };

const transcriptOf = (name: string, speakers: boolean): Transcript => referenceTranscript(name, { speakers });

/** the CLI's .txt and .docx (the export table) of a transcript with these roster labels */
async function minutes(t: Transcript, labelling: RosterLabelling, format: 'txt' | 'docx'): Promise<string> {
  const bytes = await EXPORT_TABLE[format](exportFromTranscript({ transcript: t, labelling }, META, { clean: false }));
  return format === 'txt' ? bytes.toString('utf8') : readZipEntry(bytes, 'word/document.xml').toString('utf8');
}

test(
  '--roster on m02 with speakers: JSON labels and minutes print 職名（氏名君） and the attendance from the roster',
  { skip: corpusDir() ? false : NO_CORPUS },
  async () => {
    const roster = loadRosterFile(join(FIXTURES, 'm02-kosei.csv'));
    const t = transcriptOf('m02_kosei_hoikuen', true);
    const labelling = labelSpeakers(t, roster, await loadTokenizer());
    assert.deepEqual(labelling.speakers, [
      { id: 'iincho', label: '委員長', name: '小林宏' },
      { id: 'hoikukacho', label: '保育課長', name: '伊藤直子' },
      { id: 'suzuki', label: '5番', name: '鈴木健太郎' },
      { id: 'yamamoto', label: '12番', name: '山本由美子' },
    ]);
    const text = await minutes(t, labelling, 'txt');
    assert.match(text, /○委員長（小林宏君）　ただいまから厚生委員会を開会いたします。/);
    assert.match(text, /◎保育課長（伊藤直子君）　それでは、/);
    assert.match(text, /◆５番（鈴木健太郎君）　あのー、AIによる選考/, 'the CLI prints the verbatim text without --clean');
    assert.match(text, /○出席委員（３名）\r\n　　委員長　小林宏\r\n　　　５番　鈴木健太郎\r\n　　１２番　山本由美子/);
    assert.match(text, /○説明のため出席した者\r\n　　保育課長　伊藤直子/);

    // the .docx says the same; a roster 記号 overrides the mark the role would get
    const marked = roster.map((m): RosterMember => (m.name === '伊藤直子' ? { ...m, mark: '○' } : m));
    const xml = await minutes(t, { ...labelling, roster: marked }, 'docx');
    for (const line of ['○委員長（小林宏君）', '◆５番（鈴木健太郎君）', '○保育課長（伊藤直子君）', '出席委員（３名）'])
      assert.ok(xml.includes(line), line);
  },
);

test(
  'without speakers --roster is a no-op and turns print without a speaker line (no 発言者未確認)',
  { skip: corpusDir() ? false : NO_CORPUS },
  async () => {
    const roster = loadRosterFile(join(FIXTURES, 'm02-kosei.csv'));
    const t = transcriptOf('m02_kosei_hoikuen', false);
    const labelling = labelSpeakers(t, roster, await loadTokenizer());
    assert.deepEqual([labelling.speakers, labelling.labels], [[], []]);
    const text = await minutes(t, labelling, 'txt');
    assert.doesNotMatch(text, /発言者未確認/);
    assert.match(text, /―\r\n　ただいまから厚生委員会を開会いたします。/);
  },
);

test('the CLI refuses a bad roster before transcribing, naming the line', async () => {
  const dir = tempDir();
  const { writeFileSync } = await import('node:fs');
  const roster = join(dir, '出席者.tsv');
  writeFileSync(roster, '氏名\tよみ\t職名\t議席\n小林宏\tこばやしひろし\t委員長\t8\n鈴木健太郎\t鈴木\t委員\t5\n');
  const audio = join(dir, 'a.wav');
  writeFileSync(audio, Buffer.alloc(100));
  const r = await runCli(['transcribe', audio, '--roster', roster, '--json', join(dir, 'out.json')]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /3 行目: 「鈴木健太郎」のよみ「鈴木」/);
});
