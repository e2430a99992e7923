// What may be stored as a setting: checked by the API (apiSchemas) and again by the store.
import { z } from 'zod';
import type { AppSettings, BrowserSettings } from '../common/settings';
import { checkInput, idSchema, secondsSchema } from './validateInput';

/** one schema per setting: a stored value that no longer fits (an older version's) reads as the default */
export const SETTING_SCHEMAS = {
  language: z.enum(['ja', 'en']),
  seekSeconds: z.number().min(1).max(30),
  shortcuts: z
    .record(z.string().min(1).max(100), z.array(z.string().min(1).max(60)).max(4))
    .refine((table) => Object.keys(table).length <= 200, { message: 'too many commands' }),
  inputDeviceId: z.string().max(500),
  modelPath: z
    .string()
    .max(4096)
    .refine((s) => !s.includes('\0'), { message: 'NUL' }),
} satisfies { [K in keyof AppSettings]: z.ZodType<AppSettings[K]> };

export const settingsChangesSchema = z.object(SETTING_SCHEMAS).partial().strict();

export const browserSettingsSchema = settingsChangesSchema
  .extend({
    playbackPositions: z
      .array(z.tuple([idSchema, secondsSchema]))
      .max(10_000)
      .optional(),
  })
  .strict();

export const validSettingsChanges = (v: unknown): Partial<AppSettings> => checkInput(settingsChangesSchema, v, 'settings', '設定');
export const validBrowserSettings = (v: unknown): BrowserSettings =>
  checkInput(browserSettingsSchema, v, 'browser settings', 'ブラウザーの設定');
/** the OS account the settings belong to ('' where none could be read) */
export const validUser = (v: unknown): string => checkInput(z.string().max(256), v, 'user', 'ユーザー');
