// Settings kept in the data folder's SQLite database through the API, so they survive a
// restart in Electron and in a browser alike (a browser's localStorage belongs to an origin,
// and the bridge's origin is 127.0.0.1:<a new port> at every start).
// Per user (the OS account) where each clerk chooses for themselves; per council (everyone
// who uses this data folder) where the choice is the council's: the model its minutes are
// transcribed with. A meeting's playback position is per user and meeting (see the API).

export type UiLanguage = 'ja' | 'en';

export interface AppSettings {
  /** the UI language */
  language: UiLanguage;
  /** editor: how far skip back / forward jumps, seconds */
  seekSeconds: number;
  /** editor: per command id, the keys replacing its defaults; absent = the defaults */
  shortcuts: Record<string, string[]>;
  /** the microphone chosen for recording ('' = the system default) */
  inputDeviceId: string;
  /** the whisper model chosen last ('' or a model no longer found = the first one found) */
  modelPath: string;
}

export type SettingScope = 'user' | 'council';

export const SETTING_SCOPES: { readonly [K in keyof AppSettings]: SettingScope } = {
  language: 'user',
  seekSeconds: 'user',
  shortcuts: 'user',
  inputDeviceId: 'user',
  modelPath: 'council',
};

export const DEFAULT_APP_SETTINGS: Readonly<AppSettings> = {
  language: 'ja',
  seekSeconds: 3,
  shortcuts: {},
  inputDeviceId: '',
  modelPath: '',
};

/** What a browser kept in localStorage before settings moved to SQLite; taken over once, where nothing is stored yet. */
export interface BrowserSettings extends Partial<AppSettings> {
  /** [meetingId, seconds] */
  playbackPositions?: [number, number][];
}
