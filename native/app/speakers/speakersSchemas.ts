// The roster's and the speakers' arguments, checked with the store's own roster schema before the
// service sees them (native/app/apiSchemas.ts).
import { z } from 'zod';
import type { SpeakersApi } from '../../common/api';
import { rosterMemberSchema } from '../../store/speakerInput';
import { idSchema as id } from '../../store/validateInput';
import { filePath, type ApiSchemaTable } from '../apiArgs';

export const SPEAKERS_SCHEMAS = {
  getRoster: z.tuple([id]),
  saveRoster: z.tuple([id, z.array(rosterMemberSchema.strict()).max(1000)]),
  importRoster: z.tuple([id, filePath]),
  listSpeakerLabels: z.tuple([id]),
  suggestSpeakerLabels: z.tuple([id]),
  setSpeakerMember: z.tuple([id, id, id.nullable()]),
  confirmSpeakers: z.tuple([id]),
} satisfies ApiSchemaTable<SpeakersApi>;
