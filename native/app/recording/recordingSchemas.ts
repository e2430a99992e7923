// The recording's arguments, checked before the recorder sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { RecordingApi } from '../../common/api';
import { idSchema as id, recordingMeetingSchema } from '../../store/validateInput';
import type { ApiSchemaTable } from '../apiArgs';

export const RECORDING_SCHEMAS = {
  // modelPath '' records without a live draft
  startRecording: z.tuple([
    recordingMeetingSchema,
    z
      .string()
      .max(4096)
      .refine((s) => !s.includes('\0'), { message: 'NUL' }),
  ]),
  // at most 10 s of 16 kHz 16-bit audio per call
  appendRecording: z.tuple([
    id,
    z
      .string()
      .max(430_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  ]),
  getRecording: z.tuple([id]),
  stopRecording: z.tuple([id]),
  listRecoveredRecordings: z.tuple([]),
} satisfies ApiSchemaTable<RecordingApi>;
