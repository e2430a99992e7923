// Settings kept in SQLite: the user's own (per OS account: several clerks share a PC and a data
// folder), where each left off in a recording, and the council's ケバ取り rules and house style.
import { userInfo } from 'node:os';
import type { SettingsApi } from '../../common/api';
import type { MeetingStore } from '../../store/meetingStoreContract';

export interface SettingsServiceOptions {
  store: MeetingStore;
  /** whose settings the page reads and writes */
  user: string;
}

export function createSettingsService({ store, user }: SettingsServiceOptions): SettingsApi {
  return {
    async getSettings() {
      return store.getSettings(user);
    },
    async saveSettings(changes) {
      return store.saveSettings(user, changes);
    },
    async importBrowserSettings(saved) {
      return store.importBrowserSettings(user, saved);
    },
    async getPlaybackPosition(meetingId) {
      return store.getPlaybackPosition(user, meetingId);
    },
    async savePlaybackPosition(meetingId, seconds) {
      store.savePlaybackPosition(user, meetingId, seconds);
    },
    async getCouncilSettings() {
      return store.getCouncilSettings();
    },
    async saveCouncilSettings(settings) {
      return store.saveCouncilSettings(settings);
    },
    async resetCouncilSettings() {
      return store.resetCouncilSettings();
    },
  };
}

/** the account name: on a PC shared by several clerks each has their own settings in a shared data folder */
export function osUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    // no passwd entry (a container, a removed account): the environment's name, else one shared set
    return env['USERNAME'] ?? env['USER'] ?? '';
  }
}
