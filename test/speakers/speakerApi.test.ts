import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseApiArgs } from '../../native/app/apiSchemas';
import { corpusAudio, NO_CORPUS, ROOT } from '../helpers/fixtures';
import { withService } from '../helpers/service';
import { referenceTranscript } from '../helpers/transcripts';

const audio = corpusAudio('m02_kosei_hoikuen');

test(
  "import a roster, suggest labels from the chair's calls, the clerk overrides one, the suggestion keeps it",
  { skip: audio ? false : NO_CORPUS },
  async () => {
    await withService(async ({ service, store, dataDir }) => {
      const meeting = await service.createMeeting(
        { title: '厚生委員会', body: '厚生委員会', date: '2024-12-02', place: '' },
        service.grantFile(audio!),
      );
      store.importTranscript(meeting.id, referenceTranscript('m02_kosei_hoikuen'));
      const file = join(dataDir, '出席者 厚生委員会.csv');
      copyFileSync(join(ROOT, 'test', 'fixtures', 'roster', 'm02-kosei.csv'), file);
      const roster = await service.importRoster(meeting.id, service.grantFile(file));
      assert.deepEqual(
        roster.map((r) => r.name),
        ['小林宏', '鈴木健太郎', '山本由美子', '伊藤直子'],
      );

      const labels = await service.suggestSpeakerLabels(meeting.id);
      const view = await service.getTranscript(meeting.id);
      const named = Object.fromEntries(view.speakers.map((s) => [s.label, `${s.role}/${s.name}`]));
      assert.deepEqual(named, {
        iincho: '委員長/小林宏',
        hoikukacho: '保育課長/伊藤直子',
        suzuki: '5番/鈴木健太郎',
        yamamoto: '12番/山本由美子',
      });
      assert.equal(labels.length, 4);
      assert.ok(labels.every((l) => l.source === 'roster-call'));

      // the clerk says suzuki is 山本; suggesting again does not undo the clerk's choice
      const suzuki = view.speakers.find((s) => s.label === 'suzuki')!;
      await service.setSpeakerMember(meeting.id, suzuki.id, roster[2]!.id);
      const again = await service.suggestSpeakerLabels(meeting.id);
      const mine = again.find((l) => l.speakerId === suzuki.id)!;
      assert.deepEqual([mine.source, mine.rosterId, mine.confidence], ['clerk', roster[2]!.id, 1]);
      // the rename is an ordinary edit: undo brings back the name from the chair's call
      await service.undo(meeting.id);
      assert.equal((await service.getTranscript(meeting.id)).speakers.find((s) => s.id === suzuki.id)!.name, '鈴木健太郎');

      // no embeddings from diarization yet: nothing to keep
      assert.deepEqual(await service.confirmSpeakers(meeting.id), { stored: 0 });
    });
  },
);

test('a bad roster file is refused whole, naming its lines', async () => {
  await withService(async ({ service, store, dataDir }) => {
    const m = store.createMeeting({ title: 't', body: '', date: '2024-12-02', place: '' }, { path: '/x.flac', durationS: null });
    const file = join(dataDir, 'r.tsv');
    writeFileSync(file, '氏名\tよみ\t職名\t議席\n小林宏\tこばやし\t委員長\t8\n\tすずき\t委員\t5\n');
    await assert.rejects(
      service.importRoster(m.id, service.grantFile(file)),
      (e: { code: string; text: { ja: string; en: string } }) =>
        e.code === 'BAD_ARGUMENTS' && /3 行目: 氏名が空です/.test(e.text.ja) && /line 3/.test(e.text.en),
    );
    assert.deepEqual(await service.getRoster(m.id), []);
  });
});

test('API arguments are checked: a roster entry needs a name, a seat is digits', () => {
  assert.equal(parseApiArgs('saveRoster', [1, [{ name: '小林宏', yomi: '', role: '委員長', seat: '8', mark: '' }]]).ok, true);
  assert.equal(parseApiArgs('saveRoster', [1, [{ name: '', yomi: '', role: '委員長', seat: '8', mark: '' }]]).ok, false);
  assert.equal(parseApiArgs('saveRoster', [1, [{ name: '林', yomi: '', role: '', seat: '五', mark: '' }]]).ok, false);
  assert.equal(parseApiArgs('setSpeakerMember', [1, 2, null]).ok, true);
  assert.equal(parseApiArgs('setSpeakerMember', [1, 2, 'x']).ok, false);
});
