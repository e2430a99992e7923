// A meeting's files on disk, for delete and expiry: its media copy (an upload or a picked file copied
// into <data>/media), its recording (rec-N.wav, its sidecar and live-draft pieces), and the job
// folder where its decoded audio (audio.s16le: the whole meeting) and pieces wait to be resumed.
// Only files inside the data folder are ever removed: a recording the clerk keeps elsewhere is theirs.
import { lstatSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { listRecordingIds, readSidecar, recordingPaths } from '../recording/recordingSidecar';
import type { MeetingStore } from '../store/meetingStoreContract';

/** a cancelled or failed job's checkpoint is kept this long for a retry, then its decoded audio goes */
export const JOB_RETENTION_DAYS = 7;

/** each meeting's jobs decode into their own folder (the CLI's GIJIROKU_JOBS_DIR), so a delete finds them */
export function meetingJobsDir(dataDir: string, meetingId: number): string {
  return join(dataDir, 'jobs', `meeting-${meetingId}`);
}

/** a plain file that is there now (a recording may have been moved or deleted since import) */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function insideDataFolder(dataDir: string, path: string): boolean {
  try {
    const root = realpathSync(dataDir);
    return realpathSync(path).startsWith(root + sep) && !lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Removes what the deleted meeting left on disk; `mediaPaths` as the store returned them. */
export function removeMeetingFiles(store: MeetingStore, dataDir: string, meetingId: number, mediaPaths: readonly string[]): void {
  for (const path of mediaPaths) {
    if (insideDataFolder(dataDir, path) && !store.mediaPathInUse(path)) rmSync(path, { force: true });
  }
  for (const id of listRecordingIds(dataDir)) {
    const paths = recordingPaths(dataDir, id);
    if (readSidecar(paths.sidecar)?.meetingId !== meetingId) continue;
    if (store.mediaPathInUse(paths.wav)) continue;
    rmSync(paths.wav, { force: true });
    rmSync(paths.draftDir, { recursive: true, force: true });
    rmSync(paths.sidecar, { force: true });
  }
  rmSync(meetingJobsDir(dataDir, meetingId), { recursive: true, force: true });
}

/**
 * Job folders nobody will resume: those of meetings that no longer exist, and those whose meeting's
 * last job was cancelled or failed more than JOB_RETENTION_DAYS ago (folders of the older flat layout
 * included, once that old). Run at start.
 */
export function expireJobFolders(store: MeetingStore, dataDir: string, now = Date.now()): string[] {
  const root = join(dataDir, 'jobs');
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const cutoff = now - JOB_RETENTION_DAYS * 86_400_000;
  const jobs = store.listJobs();
  const removed: string[] = [];
  for (const name of names) {
    const full = resolve(root, name);
    const meetingId = Number(/^meeting-(\d+)$/.exec(name)?.[1] ?? NaN);
    let expired: boolean;
    if (Number.isInteger(meetingId)) {
      const mine = jobs.filter((j) => j.meetingId === meetingId);
      const last = mine.reduce<(typeof mine)[number] | undefined>((a, j) => (!a || j.id > a.id ? j : a), undefined);
      expired = !last || ((last.state === 'cancelled' || last.state === 'failed') && Date.parse(last.finishedAt ?? '') < cutoff);
    } else {
      try {
        expired = lstatSync(full).mtimeMs < cutoff;
      } catch {
        expired = false;
      }
    }
    if (expired) {
      rmSync(full, { recursive: true, force: true });
      removed.push(full);
    }
  }
  return removed;
}
