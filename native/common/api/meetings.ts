// The API's meetings: the library, a meeting's details, its recording (import, relink, the URL the
// page plays) and deleting it for good.
import type { FileRef } from './files';

export type MeetingStatus = 'new' | 'transcribing' | 'ready' | 'failed';

export interface MeetingInput {
  title: string;
  /** 会議体: 本会議, 厚生委員会 … */
  body: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
  place: string;
}

export interface MeetingSummary extends MeetingInput {
  id: number;
  status: MeetingStatus;
  durationS: number | null;
  updatedAt: string;
  /** for search results: a snippet of matching transcript text */
  match: string | null;
}

export interface MediaFile {
  id: number;
  meetingId: number;
  path: string;
  durationS: number | null;
  /** false when the file was moved or deleted since import */
  present: boolean;
}

export interface Meeting extends MeetingSummary {
  media: MediaFile | null;
}

export interface MeetingsApi {
  listMeetings(query: string): Promise<MeetingSummary[]>;
  /**
   * imports the media file (any format ffmpeg reads) into a new meeting. A file argument from the page
   * (FileRef) is a handle the desktop's file dialog returned, or a browser upload's path in the data folder;
   * a picked file is copied into the data folder.
   */
  createMeeting(meeting: MeetingInput, media: FileRef): Promise<Meeting>;
  getMeeting(meetingId: number): Promise<Meeting>;
  updateMeeting(meetingId: number, meeting: MeetingInput): Promise<Meeting>;
  /** points a meeting at its media file again after it was moved or renamed */
  relinkMedia(meetingId: number, media: FileRef): Promise<Meeting>;
  /** a URL the page's <audio> can play and seek (answers Range requests) */
  mediaUrl(meetingId: number): Promise<string>;
  /**
   * deletes the meeting for good: its rows (transcript, edit history, roster, voices confirmed only in it),
   * its media copy and recording in the data folder, its job folder; refused while it is being transcribed
   */
  deleteMeeting(meetingId: number): Promise<void>;
}

export const MEETINGS_METHODS = [
  'listMeetings',
  'createMeeting',
  'getMeeting',
  'updateMeeting',
  'relinkMedia',
  'mediaUrl',
  'deleteMeeting',
] as const satisfies readonly (keyof MeetingsApi)[];
