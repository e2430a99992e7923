// The settings' arguments, checked with the store's own settings schemas before the service sees them
// (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { SettingsApi } from '../../common/api';
import { councilSettingsSchema } from '../../store/councilSettingsInput';
import { browserSettingsSchema, settingsChangesSchema } from '../../store/settingsInput';
import { idSchema as id, secondsSchema as seconds } from '../../store/validateInput';
import type { ApiSchemaTable } from '../apiArgs';

export const SETTINGS_SCHEMAS = {
  getSettings: z.tuple([]),
  saveSettings: z.tuple([settingsChangesSchema]),
  importBrowserSettings: z.tuple([browserSettingsSchema]),
  getPlaybackPosition: z.tuple([id]),
  savePlaybackPosition: z.tuple([id, seconds]),
  getCouncilSettings: z.tuple([]),
  saveCouncilSettings: z.tuple([councilSettingsSchema]),
  resetCouncilSettings: z.tuple([]),
} satisfies ApiSchemaTable<SettingsApi>;
