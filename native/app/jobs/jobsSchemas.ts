// The transcription jobs' arguments, checked before the service sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { JobsApi } from '../../common/api';
import { idSchema as id } from '../../store/validateInput';
import { filePath, type ApiSchemaTable } from '../apiArgs';

export const JOBS_SCHEMAS = {
  startTranscription: z.tuple([id, filePath]),
  listJobs: z.tuple([]),
  cancelJob: z.tuple([id]),
} satisfies ApiSchemaTable<JobsApi>;
