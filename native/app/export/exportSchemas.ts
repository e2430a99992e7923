// The export's arguments, checked before the service sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { ExportApi } from '../../common/api';
import { MEETING_EXPORT_FORMATS } from '../../common/exportFormats';
import { idSchema as id } from '../../store/validateInput';
import type { ApiSchemaTable } from '../apiArgs';

export const EXPORT_SCHEMAS = {
  exportMeetingBase64: z.tuple([id, z.enum(MEETING_EXPORT_FORMATS), z.enum(['verbatim', 'clean'])]),
} satisfies ApiSchemaTable<ExportApi>;
