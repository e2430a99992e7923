// Checks for what the roster and speaker-label calls are given (they arrive across a process boundary).
import { z } from 'zod';
import type { RosterMember, SpeakerLabelSource } from '../common/speakers';
import { checkInput } from './validateInput';

export const rosterMemberSchema = z.object({
  name: z.string().trim().min(1).max(100),
  yomi: z.string().trim().max(100),
  role: z.string().trim().max(50),
  seat: z
    .string()
    .trim()
    .regex(/^\d{0,4}$/),
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

export const validRosterMembers = (v: unknown): RosterMember[] =>
  checkInput(z.array(rosterMemberSchema).max(1000), v, 'roster', '出席者名簿');
export const validSpeakerLabel = (
  v: unknown,
): { rosterId: number | null; source: SpeakerLabelSource; confidence: number; reason: string } =>
  checkInput(label, v, 'speaker label', '話者の名前付け');
export const validEmbeddings = (v: unknown): Record<string, number[]> => checkInput(embeddings, v, 'embeddings', '声の特徴');
