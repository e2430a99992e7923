// Checks for what the roster and speaker-label calls are given (they arrive across a process boundary).
import { z } from 'zod';
import type { RosterMember, SpeakerLabelSource } from '../common/speakers';
import { invalidInputError } from './storeErrors';

export const rosterMemberSchema = z.object({
  name: z.string().trim().min(1).max(100),
  yomi: z.string().trim().max(100),
  role: z.string().trim().max(50),
  seat: z.string().trim().regex(/^\d{0,4}$/),
  mark: z.string().trim().max(2),
});

export const speakerLabelSourceSchema = z.enum(['roster-call', 'voiceprint', 'clerk']);

const label = z.object({
  rosterId: z.int().positive().nullable(),
  source: speakerLabelSourceSchema,
  confidence: z.number().min(0).max(1),
  reason: z.string().max(500),
});

const embeddings = z.record(z.string(), z.array(z.number().finite()).min(1).max(4096));

function check<T>(schema: z.ZodType<T>, value: unknown, what: string, whatJa: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const where = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
  throw invalidInputError(`${what}: ${where}`, `${whatJa}（${where}）`);
}

export const validRosterMembers = (v: unknown): RosterMember[] => check(z.array(rosterMemberSchema).max(1000), v, 'roster', '出席者名簿');
export const validSpeakerLabel = (v: unknown): { rosterId: number | null; source: SpeakerLabelSource; confidence: number; reason: string } =>
  check(label, v, 'speaker label', '話者の名前付け');
export const validEmbeddings = (v: unknown): Record<string, number[]> => check(embeddings, v, 'embeddings', '声の特徴');
