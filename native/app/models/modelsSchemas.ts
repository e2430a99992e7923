// The models' arguments, checked before the service sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { ModelsApi } from '../../common/api';
import { filePath, type ApiSchemaTable } from '../apiArgs';

export const MODELS_SCHEMAS = {
  listModels: z.tuple([]),
  importModel: z.tuple([filePath]),
} satisfies ApiSchemaTable<ModelsApi>;
