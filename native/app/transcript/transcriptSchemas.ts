// The transcript's arguments (edits, listening, the review pass, corrections, ケバ取り), checked before
// the service sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { TranscriptApi } from '../../common/api';
import { editOpSchema, idSchema as id, secondsSchema as seconds } from '../../store/validateInput';
import type { ApiSchemaTable } from '../apiArgs';

const segmentText = z.string().max(100_000);
const listened = z.tuple([id, seconds, seconds]).refine(([, from, to]) => to >= from, { message: 'to < from', path: [2] });

export const TRANSCRIPT_SCHEMAS = {
  getTranscript: z.tuple([id]),
  applyEdit: z.tuple([id, editOpSchema]),
  undo: z.tuple([id]),
  redo: z.tuple([id]),
  recordListened: listened,
  getCoverage: z.tuple([id]),
  getReview: z.tuple([id]),
  confirmReviewStretch: z.tuple([id, id]),
  listCorrections: z.tuple([id]),
  dismissCorrection: z.tuple([id, id]),
  cleanTexts: z.tuple([z.array(segmentText).max(20_000)]),
} satisfies ApiSchemaTable<TranscriptApi>;
