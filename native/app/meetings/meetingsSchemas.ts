// The meetings' arguments, checked before the service sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { MeetingsApi } from '../../common/api';
import { idSchema as id, meetingInputSchema } from '../../store/validateInput';
import { filePath, type ApiSchemaTable } from '../apiArgs';

export const MEETINGS_SCHEMAS = {
  listMeetings: z.tuple([z.string().max(500)]),
  createMeeting: z.tuple([meetingInputSchema, filePath]),
  getMeeting: z.tuple([id]),
  updateMeeting: z.tuple([id, meetingInputSchema]),
  relinkMedia: z.tuple([id, filePath]),
  mediaUrl: z.tuple([id]),
  deleteMeeting: z.tuple([id]),
} satisfies ApiSchemaTable<MeetingsApi>;
