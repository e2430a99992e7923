// Issue 13: "nothing can be deleted (meetings, recordings, uploaded copies, cancelled jobs' decoded
// audio, edit history's before-images stay forever)". deleteMeeting removes the rows (secure_delete:
// the words are not left in free pages or the WAL), the media copy, the recording and the job folder;
// cancelled and failed jobs' decoded audio expires.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiService, type ApiService } from '../../native/app/createApiService';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { expireJobFolders, JOB_RETENTION_DAYS, meetingJobsDir } from '../../native/app/meetingFiles';
import { recordingPaths, writeSidecar } from '../../native/recording/recordingSidecar';
import { openStore } from '../../native/store/openStore';
import type { MeetingStore } from '../../native/store/meetingStoreContract';
import { corpusAudio, NO_CORPUS, tempDir } from '../helpers/fixtures';
import { sampleTranscript } from '../helpers/transcripts';
import { HONKAIGI } from '../store/storeFixtures';

const audio = corpusAudio('m03_kotsu_chiibasu');
const SECRET = '秘密会の発言：用地買収の価格は四億二千万円';

async function withService(run: (service: ApiService, store: MeetingStore, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir, mediaUrl: () => '' });
  try {
    await run(service, store, dataDir);
  } finally {
    await service.close();
    store.close();
  }
}

function countRows(path: string, meetingId: number): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const table of [
      'meetings',
      'media_files',
      'segments',
      'speakers',
      'edits',
      'roster',
      'jobs',
      'listened',
      'corrections',
      'voices',
    ]) {
      const column = table === 'meetings' ? 'id' : 'meeting_id';
      out[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(meetingId) as { n: number }).n;
    }
    out['segments_fts'] = (
      db.prepare('SELECT COUNT(*) AS n FROM segments_fts WHERE segments_fts MATCH ?').get('"四億二千万"') as { n: number }
    ).n;
    return out;
  } finally {
    db.close();
  }
}

test(
  'deleting a meeting removes its rows, history, voices confirmed only there, media copy, recording and job folder; its words leave the file',
  { skip: audio ? false : NO_CORPUS },
  async () => {
    await withService(async (service, store, dataDir) => {
      const outside = join(tempDir(), '秘密会.flac');
      copyFileSync(audio!, outside);
      const meeting = await service.createMeeting(HONKAIGI, service.grantFile(outside));
      const keep = await service.createMeeting({ ...HONKAIGI, title: '残す会議' }, service.grantFile(outside));
      for (const m of [meeting, keep]) {
        const view = store.importTranscript(m.id, sampleTranscript());
        store.applyEdit(m.id, { kind: 'setText', segmentId: view.segments[0]!.id, text: SECRET });
        store.applyEdit(m.id, { kind: 'setText', segmentId: view.segments[0]!.id, text: `${SECRET}。` });
        store.replaceRoster(m.id, [{ name: '鈴木健太郎', yomi: 'すずきけんたろう', role: '委員', seat: '5', mark: '' }]);
        store.setSpeakerEmbeddings(m.id, {
          S1: Array.from({ length: 8 }, (_, i) => i + 1),
          S2: Array.from({ length: 8 }, (_, i) => 8 - i),
        });
        const s1 = store.getTranscript(m.id).speakers.find((s) => s.label === 'S1')!;
        await service.setSpeakerMember(m.id, s1.id, store.getRoster(m.id)[0]!.id);
        assert.equal(store.confirmSpeakers(m.id).stored, 1);
        await service.recordListened(m.id, 0, 5);
      }
      // the live recording it came from, and a cancelled job's decoded audio
      const rec = recordingPaths(dataDir, 1);
      mkdirSync(rec.draftDir, { recursive: true });
      writeFileSync(rec.wav, 'RIFF');
      writeSidecar(rec.sidecar, { meeting: HONKAIGI, model: '', startedAt: '', meetingId: meeting.id });
      mkdirSync(join(meetingJobsDir(dataDir, meeting.id), 'abc'), { recursive: true });
      writeFileSync(join(meetingJobsDir(dataDir, meeting.id), 'abc', 'audio.s16le'), 'pcm');
      const job = store.createJob(meeting.id, '/m.bin');
      const refused = await dispatchApiCall(service, 'deleteMeeting', [meeting.id]);
      assert.ok(!refused.ok && /中止してから/.test(refused.error.text.ja), 'not while it is being transcribed');
      store.updateJob(job.id, { state: 'cancelled' });

      const copy = meeting.media!.path;
      assert.ok(existsSync(copy) && copy.startsWith(join(dataDir, 'media')));
      assert.deepEqual(await dispatchApiCall(service, 'deleteMeeting', [meeting.id]), { ok: true, value: undefined });

      const gone = countRows(store.path, meeting.id);
      assert.deepEqual(
        gone,
        {
          meetings: 0,
          media_files: 0,
          segments: 0,
          speakers: 0,
          edits: 0,
          roster: 0,
          jobs: 0,
          listened: 0,
          corrections: 0,
          voices: 0,
          segments_fts: 1,
        },
        'every row is gone (the FTS hit is the kept meeting)',
      );
      const kept = countRows(store.path, keep.id);
      assert.equal(kept.voices, 1, "the other meeting's confirmed voice stays");
      assert.equal(kept.segments, 4);
      for (const p of [copy, rec.wav, rec.sidecar, rec.draftDir, meetingJobsDir(dataDir, meeting.id)])
        assert.ok(!existsSync(p), `${p} removed`);
      assert.ok(existsSync(outside), 'the original the clerk picked is theirs and stays');
      assert.ok(existsSync(keep.media!.path));

      await service.deleteMeeting(keep.id);
      // secure_delete + checkpoint: the words are not in the database file or its WAL any more
      for (const file of [store.path, `${store.path}-wal`]) {
        if (!existsSync(file)) continue;
        assert.equal(readFileSync(file).indexOf(Buffer.from('四億二千万')), -1, `${file} no longer holds the text`);
      }
    });
  },
);

test("cancelled and failed jobs' decoded audio expires; a recent one is kept for a retry", async () => {
  await withService(async (_service, store, dataDir) => {
    const old = store.createMeeting(HONKAIGI, { path: '/x.flac', durationS: 1 });
    const recent = store.createMeeting(HONKAIGI, { path: '/y.flac', durationS: 1 });
    for (const [m, daysAgo] of [
      [old, JOB_RETENTION_DAYS + 1],
      [recent, 1],
    ] as const) {
      const job = store.createJob(m.id, '/m.bin');
      store.updateJob(job.id, { state: m === old ? 'failed' : 'cancelled' });
      const db = new Database(store.path);
      db.prepare('UPDATE jobs SET finished_at = ? WHERE id = ?').run(new Date(Date.now() - daysAgo * 86_400_000).toISOString(), job.id);
      db.close();
      mkdirSync(join(meetingJobsDir(dataDir, m.id), 'k'), { recursive: true });
      writeFileSync(join(meetingJobsDir(dataDir, m.id), 'k', 'audio.s16le'), 'pcm');
    }
    mkdirSync(meetingJobsDir(dataDir, 999), { recursive: true });
    const removed = expireJobFolders(store, dataDir);
    assert.deepEqual(removed.sort(), [meetingJobsDir(dataDir, old.id), meetingJobsDir(dataDir, 999)].sort());
    assert.ok(existsSync(meetingJobsDir(dataDir, recent.id)));
  });
});
