// Transcription jobs. The meeting's status follows its job, because nothing else in the
// contract sets it: queued/running → 'transcribing'; failed → 'failed' (or back to 'ready'
// when an earlier transcript is still there); cancelled → 'ready' or 'new'. 'done' leaves it
// to importTranscript, which marks the meeting 'ready'.
import type { Database } from 'better-sqlite3';
import type { Job, JobState, MeetingStatus } from '../common/api';
import type { LocalizedText } from '../common/errors';
import type { EngineProgress } from '../common/transcript';
import { meetingRow, setMeetingStatus } from './meetingQueries';
import { invalidInputError, notFoundError } from './storeErrors';
import { nowIso, toJob, type JobRow } from './storeRows';

const FINISHED: readonly JobState[] = ['done', 'failed', 'cancelled'];

export function createJob(db: Database, meetingId: number, model: string): Job {
  const id = db.transaction(() => {
    meetingRow(db, meetingId);
    const { lastInsertRowid } = db
      .prepare("INSERT INTO jobs (meeting_id, state, model, created_at) VALUES (?, 'queued', ?, ?)")
      .run(meetingId, model, nowIso());
    setMeetingStatus(db, meetingId, 'transcribing');
    return Number(lastInsertRowid);
  })();
  return getJob(db, id);
}

export function updateJob(
  db: Database,
  jobId: number,
  patch: { state?: JobState; progress?: EngineProgress | null; error?: LocalizedText | null },
): Job {
  db.transaction(() => {
    const job = jobRow(db, jobId);
    const state = patch.state ?? job.state;
    if (FINISHED.includes(job.state) && state !== job.state) {
      throw invalidInputError(`job ${jobId} is already ${job.state}`, `処理（ID ${jobId}）はすでに終了しています（${job.state}）`);
    }
    const now = nowIso();
    const startedAt = job.started_at ?? (state === 'running' ? now : null);
    const finishedAt = job.finished_at ?? (FINISHED.includes(state) ? now : null);
    const progress = patch.progress === undefined ? job.progress : patch.progress === null ? null : JSON.stringify(patch.progress);
    const error = patch.error === undefined ? job.error : patch.error === null ? null : JSON.stringify(patch.error);
    db.prepare('UPDATE jobs SET state = ?, progress = ?, error = ?, started_at = ?, finished_at = ? WHERE id = ?').run(
      state,
      progress,
      error,
      startedAt,
      finishedAt,
      jobId,
    );
    if (state !== job.state) {
      const status = meetingStatusAfter(db, job.meeting_id, state);
      if (status) setMeetingStatus(db, job.meeting_id, status);
    }
  })();
  return getJob(db, jobId);
}

function meetingStatusAfter(db: Database, meetingId: number, state: JobState): MeetingStatus | null {
  const hasTranscript = db.prepare('SELECT EXISTS (SELECT 1 FROM segments WHERE meeting_id = ?) AS yes').get(meetingId) as { yes: number };
  switch (state) {
    case 'queued':
    case 'running':
      return 'transcribing';
    case 'failed':
      return hasTranscript.yes ? 'ready' : 'failed';
    case 'cancelled':
      return hasTranscript.yes ? 'ready' : 'new';
    case 'done':
      return null;
  }
}

function jobRow(db: Database, jobId: number): JobRow {
  const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(jobId) as JobRow | undefined;
  if (!row) throw notFoundError('job', jobId);
  return row;
}

export function getJob(db: Database, jobId: number): Job {
  return toJob(jobRow(db, jobId));
}

/** newest first */
export function listJobs(db: Database): Job[] {
  return (db.prepare('SELECT * FROM jobs ORDER BY id DESC').all() as JobRow[]).map(toJob);
}

/** oldest first: the order they were asked for */
export function unfinishedJobs(db: Database): Job[] {
  return (db.prepare("SELECT * FROM jobs WHERE state IN ('queued', 'running') ORDER BY id").all() as JobRow[]).map(toJob);
}
