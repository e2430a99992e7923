// The API's settings, kept in SQLite: the user's own (native/common/settings.ts), where each clerk left
// off in a recording, and the council's ケバ取り rules and 会議録 house style.
import type { AppSettings, BrowserSettings } from '../settings';

export type CleanupRuleKind = 'filler' | 'repeat' | 'false-start' | 'custom';

/** One ケバ取り rule (the shape of native/cleanup CleanupRule). */
export interface CleanupRuleSetting {
  id: string;
  /** a literal, or /a regular expression/ */
  pattern: string;
  kind: CleanupRuleKind;
  enabled: boolean;
}

/** The council's 会議録 house style (the shape of native/export MinutesStyle). */
export interface MinutesStyleSetting {
  marks: 'circleOnly' | 'byRole';
  honorific: '君' | '議員' | '';
  honorificFor: 'everyone' | 'councillors';
  numerals: 'arabic' | 'kanji';
  text: 'verbatim' | 'clean';
}

export interface CouncilSettings {
  cleanupRules: CleanupRuleSetting[];
  minutesStyle: MinutesStyleSetting;
}

export interface SettingsApi {
  // settings kept in SQLite (native/common/settings.ts): the user's own, and the council's where shared
  getSettings(): Promise<AppSettings>;
  /** stores the values given (each in its scope) and returns them all */
  saveSettings(changes: Partial<AppSettings>): Promise<AppSettings>;
  /** takes over what a browser kept in localStorage, only where nothing is stored yet */
  importBrowserSettings(saved: BrowserSettings): Promise<AppSettings>;
  /** where this user left off in the meeting's recording, seconds (0 at first) */
  getPlaybackPosition(meetingId: number): Promise<number>;
  savePlaybackPosition(meetingId: number, seconds: number): Promise<void>;
  getCouncilSettings(): Promise<CouncilSettings>;
  saveCouncilSettings(settings: CouncilSettings): Promise<CouncilSettings>;
  /** back to DEFAULT_CLEANUP_RULES and the default house style */
  resetCouncilSettings(): Promise<CouncilSettings>;
}

export const SETTINGS_METHODS = [
  'getSettings',
  'saveSettings',
  'importBrowserSettings',
  'getPlaybackPosition',
  'savePlaybackPosition',
  'getCouncilSettings',
  'saveCouncilSettings',
  'resetCouncilSettings',
] as const satisfies readonly (keyof SettingsApi)[];
