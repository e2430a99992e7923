// Opens (creating if needed) the meeting database and returns the MeetingStore on it.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { diskFullError, isGijirokuError } from '../common/errors';
import { applyEdit } from './applyEdit';
import { getCoverage, recordListened } from './coverage';
import { dismissCorrection, listCorrections } from './correctionQueries';
import { validCouncilSettings } from './councilSettingsInput';
import { getCouncilSettings, resetCouncilSettings, saveCouncilSettings } from './councilSettingsQueries';
import { editResult, redoEarliest, undoLatest } from './editHistory';
import { createJob, getJob, listJobs, unfinishedJobs, updateJob } from './jobQueries';
import { createMeeting, deleteMeeting, getMeeting, mediaPathInUse, meetingRow, setMediaPath, updateMeeting } from './meetingQueries';
import type { MeetingStore } from './meetingStoreContract';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations/index';
import { confirmReviewStretch, getReview } from './reviewQueries';
import { searchMeetings } from './searchMeetings';
import { validBrowserSettings, validSettingsChanges, validUser } from './settingsInput';
import { getAppSettings, getPlaybackPosition, importBrowserSettings, saveAppSettings, savePlaybackPosition } from './settingsQueries';
import {
  confirmSpeakers,
  getRoster,
  labelKnownVoices,
  listSpeakerLabels,
  replaceRoster,
  setSpeakerEmbeddings,
  setSpeakerLabel,
} from './speakerQueries';
import { validRosterMembers, validSpeakerLabel, validEmbeddings } from './speakerInput';
import { newerDatabaseError, notADatabaseError } from './storeErrors';
import { validTermEntries, validTermEntry, validTermMode } from './termInput';
import { deleteTerm, listTerms, replaceTerms, saveTerm } from './termQueries';
import { getTranscript, importTranscript } from './transcriptQueries';
import { validEditOp, validId, validJobPatch, validMedia, validMeetingInput, validSeconds, validTranscript } from './validateInput';

const BUSY_TIMEOUT_MS = 5000;

export function openStore(path: string): MeetingStore {
  return storeOn(openDatabase(path), path);
}

/** The store's connection: refused if newer, WAL, FULL sync, foreign keys on, migrated. */
export function openDatabase(path: string): Database.Database {
  refuseNewerFile(path);
  mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database | null = null;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // checked again through SQLite: a newer version's last commit may still sit in its WAL file
    const found = schemaVersion(db);
    if (found > LATEST_VERSION) throw newerDatabaseError(path, found, LATEST_VERSION);
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged edit survives power loss, not only a crash of the app
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // a deleted meeting's text is overwritten, not left in free pages (a closed session must really go)
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  } catch (e) {
    if (db?.open) db.close();
    throw storeError(path, e);
  }
}

/**
 * Reads the header of an existing file without opening it through SQLite, so a database
 * from a newer app version (or not a database at all) is refused before a byte is written.
 */
function refuseNewerFile(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size === 0) return;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') throw notADatabaseError(path);
  const userVersion = header.readUInt32BE(60);
  if (userVersion > LATEST_VERSION) throw newerDatabaseError(path, userVersion, LATEST_VERSION);
}

function storeError(path: string, e: unknown): unknown {
  if (isGijirokuError(e)) return e;
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') return diskFullError(path, e);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return notADatabaseError(path, e);
  return e;
}

function storeOn(db: Database.Database, path: string): MeetingStore {
  /** every call maps SQLite's disk-full and corruption errors to ones the clerk can act on */
  const guard =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return f(...args);
      } catch (e) {
        throw storeError(path, e);
      }
    };
  return {
    path,
    close: () => {
      if (db.open) db.close();
    },

    createMeeting: guard((meeting, media) => createMeeting(db, validMeetingInput(meeting), validMedia(media))),
    getMeeting: guard((meetingId) => getMeeting(db, validId(meetingId, 'meetingId'))),
    updateMeeting: guard((meetingId, meeting) => updateMeeting(db, validId(meetingId, 'meetingId'), validMeetingInput(meeting))),
    setMediaPath: guard((meetingId, mediaPath) =>
      setMediaPath(db, validId(meetingId, 'meetingId'), validMedia({ path: mediaPath, durationS: null }).path),
    ),
    deleteMeeting: guard((meetingId) => {
      const removed = deleteMeeting(db, validId(meetingId, 'meetingId'));
      // the deleted pages are zeroed in the database file; the WAL still holds their last images until a checkpoint
      db.pragma('wal_checkpoint(TRUNCATE)');
      return removed;
    }),
    mediaPathInUse: guard((path) => mediaPathInUse(db, path)),
    listMeetings: guard((query) => searchMeetings(db, typeof query === 'string' ? query : '')),

    importTranscript: guard((meetingId, transcript) => importTranscript(db, validId(meetingId, 'meetingId'), validTranscript(transcript))),
    getTranscript: guard((meetingId) => getTranscript(db, validId(meetingId, 'meetingId'))),
    applyEdit: guard((meetingId, op) => applyEdit(db, validId(meetingId, 'meetingId'), validEditOp(op))),
    undo: guard((meetingId) => {
      const id = validId(meetingId, 'meetingId');
      return db.transaction(() => {
        meetingRow(db, id);
        return editResult(db, id, undoLatest(db, id), 0);
      })();
    }),
    redo: guard((meetingId) => {
      const id = validId(meetingId, 'meetingId');
      return db.transaction(() => {
        meetingRow(db, id);
        return editResult(db, id, redoEarliest(db, id), 0);
      })();
    }),

    recordListened: guard((meetingId, from, to) =>
      recordListened(db, validId(meetingId, 'meetingId'), validSeconds(from, 'from'), validSeconds(to, 'to')),
    ),
    getCoverage: guard((meetingId) => getCoverage(db, validId(meetingId, 'meetingId'))),
    confirmReviewStretch: guard((meetingId, stretchId) =>
      confirmReviewStretch(db, validId(meetingId, 'meetingId'), validId(stretchId, 'stretchId')),
    ),
    getReview: guard((meetingId) => getReview(db, validId(meetingId, 'meetingId'))),

    createJob: guard((meetingId, model) => createJob(db, validId(meetingId, 'meetingId'), String(model))),
    updateJob: guard((jobId, patch) => updateJob(db, validId(jobId, 'jobId'), validJobPatch(patch))),
    getJob: guard((jobId) => getJob(db, validId(jobId, 'jobId'))),
    listJobs: guard(() => listJobs(db)),
    unfinishedJobs: guard(() => unfinishedJobs(db)),

    listTerms: guard(() => listTerms(db)),
    replaceTerms: guard((entries, mode) => replaceTerms(db, validTermEntries(entries), validTermMode(mode))),
    saveTerm: guard((entry) => {
      const rawId = (entry as { id?: unknown } | null)?.id;
      return saveTerm(db, validTermEntry(entry), rawId === undefined ? null : validId(rawId, 'termId'));
    }),
    deleteTerm: guard((termId) => deleteTerm(db, validId(termId, 'termId'))),

    listCorrections: guard((meetingId) => listCorrections(db, validId(meetingId, 'meetingId'))),
    dismissCorrection: guard((meetingId, correctionId) =>
      dismissCorrection(db, validId(meetingId, 'meetingId'), validId(correctionId, 'correctionId')),
    ),
    getCouncilSettings: guard(() => getCouncilSettings(db)),
    saveCouncilSettings: guard((settings) => saveCouncilSettings(db, validCouncilSettings(settings))),
    resetCouncilSettings: guard(() => resetCouncilSettings(db)),
    getRoster: guard((meetingId) => getRoster(db, validId(meetingId, 'meetingId'))),
    replaceRoster: guard((meetingId, members) => replaceRoster(db, validId(meetingId, 'meetingId'), validRosterMembers(members))),
    listSpeakerLabels: guard((meetingId) => listSpeakerLabels(db, validId(meetingId, 'meetingId'))),
    setSpeakerLabel: guard((meetingId, speakerId, label) =>
      setSpeakerLabel(db, validId(meetingId, 'meetingId'), validId(speakerId, 'speakerId'), validSpeakerLabel(label)),
    ),
    setSpeakerEmbeddings: guard((meetingId, byLabel) =>
      setSpeakerEmbeddings(db, validId(meetingId, 'meetingId'), validEmbeddings(byLabel)),
    ),
    confirmSpeakers: guard((meetingId) => confirmSpeakers(db, validId(meetingId, 'meetingId'))),
    labelKnownVoices: guard((meetingId) => labelKnownVoices(db, validId(meetingId, 'meetingId'))),

    getSettings: guard((user) => getAppSettings(db, validUser(user))),
    saveSettings: guard((user, changes) => saveAppSettings(db, validUser(user), validSettingsChanges(changes))),
    importBrowserSettings: guard((user, saved) => importBrowserSettings(db, validUser(user), validBrowserSettings(saved))),
    getPlaybackPosition: guard((user, meetingId) => getPlaybackPosition(db, validUser(user), validId(meetingId, 'meetingId'))),
    savePlaybackPosition: guard((user, meetingId, seconds) =>
      savePlaybackPosition(db, validUser(user), validId(meetingId, 'meetingId'), validSeconds(seconds, 'seconds')),
    ),
  };
}
