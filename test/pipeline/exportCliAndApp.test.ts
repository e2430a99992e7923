// One export table: the same meeting exported by the CLI (gijiroku transcribe --txt … from the file,
// with the council's terms, its roster and its details) and by the app (imported by the job runner,
// the speakers named from the roster, 書き出し) gives the same files, verbatim and clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished, waitFor } from '../app/appFixtures';
import type { MeetingExportFormat } from '../../native/common/api';
import { MEETING_EXPORT_FORMATS } from '../../native/common/exportFormats';
import type { Transcript } from '../../native/common/transcript';
import { readZipEntry } from '../export/readZipEntry';
import { assetOrSkip, corpusAudio, NO_CORPUS, NO_MODEL, ROOT, runCli, SHARED, tempDir, testModel } from '../helpers/fixtures';
import { withService } from '../helpers/service';

const model = testModel();
const m02 = corpusAudio('m02_kosei_hoikuen');
const dictionary = assetOrSkip(join(SHARED, 'corpus', 'dictionary.tsv'), NO_CORPUS);
const ROSTER = join(ROOT, 'test', 'fixtures', 'roster', 'm02-kosei.csv');
const MEETING = { title: '厚生委員会会議録', body: '厚生委員会', date: '2024-12-02', place: '第3委員会室' };

/** what a format's file says: a .docx's document (the zip's dates differ), the bytes of the others */
function content(format: MeetingExportFormat, bytes: Buffer): string {
  return format === 'docx' ? readZipEntry(bytes, 'word/document.xml').toString('utf8') : bytes.toString('utf8');
}

test(
  'the CLI and the app export one meeting to the same .docx, .txt, .srt, .vtt and .csv',
  { skip: !model ? NO_MODEL : !m02 || !dictionary ? NO_CORPUS : false },
  async () => {
    const dir = tempDir();
    await withService(async ({ service }) => {
      await service.importTerms(service.grantFile(dictionary!), 'replace');
      const meeting = await service.createMeeting(MEETING, service.grantFile(m02!));
      await service.importRoster(meeting.id, service.grantFile(ROSTER));
      await service.startTranscription(meeting.id, model!);
      const job = await waitFor('the job', 300_000, async () => {
        const j = (await service.listJobs()).find((x) => x.meetingId === meeting.id);
        return finished(j) ? j : null;
      });
      assert.equal(job.state, 'done', JSON.stringify(job.error));

      // the CLI with what the job was given: the council's terms as the app keeps them, the 会議体, the roster
      const terms = join(dir, '用語.tsv');
      writeFileSync(terms, Buffer.from(await service.exportTermsBase64('tsv', 'utf8'), 'base64'));
      const jobs = join(dir, 'jobs');
      const out = (clean: boolean, format: string): string => join(dir, `${clean ? 'clean' : 'verbatim'}.${format}`);
      for (const clean of [false, true]) {
        const outputs = ['json', ...MEETING_EXPORT_FORMATS].flatMap((f) => [`--${f}`, out(clean, f)]);
        const r = await runCli(
          [
            'transcribe',
            m02!,
            '--model',
            model!,
            '--speakers',
            'auto',
            '--dictionary',
            terms,
            '--roster',
            ROSTER,
            '--body',
            MEETING.body,
            '--title',
            MEETING.title,
            '--date',
            MEETING.date,
            '--place',
            MEETING.place,
            // the second run reads the first one's pieces back (--keep-job, --resume): the same decoding, once
            '--keep-job',
            ...(clean ? ['--resume', '--clean'] : []),
            ...outputs,
          ],
          { GIJIROKU_JOBS_DIR: jobs },
        );
        assert.equal(r.code, 0, r.stderr);
      }
      const cli = JSON.parse(readFileSync(out(false, 'json'), 'utf8')) as Transcript & { labels: unknown[] };
      assert.ok(cli.labels.length >= 2, 'the roster named speakers');
      // the app names the speakers after the import, from the same calls
      await waitFor('the speakers named', 60_000, async () =>
        (await service.listSpeakerLabels(meeting.id)).filter((l) => l.rosterId !== null).length === cli.labels.length ? true : null,
      );
      assert.deepEqual(
        (await service.getTranscript(meeting.id)).segments.map((s) => s.text),
        cli.segments.map((s) => s.text),
      );

      for (const clean of [false, true]) {
        for (const format of MEETING_EXPORT_FORMATS) {
          const app = Buffer.from(await service.exportMeetingBase64(meeting.id, format, clean ? 'clean' : 'verbatim'), 'base64');
          assert.equal(
            content(format, app),
            content(format, readFileSync(out(clean, format))),
            `${format}, ${clean ? 'clean' : 'verbatim'}`,
          );
        }
      }
      const txt = readFileSync(out(true, 'txt'), 'utf8');
      assert.match(txt, /\r\n○委員長（小林宏君）\u3000/, 'the .txt is the 会議録, with the speakers named from the roster');
      assert.match(readFileSync(out(false, 'srt'), 'utf8'), /\n委員長 小林宏：/, 'subtitles name the speaker 役職 氏名');
    });
  },
);
