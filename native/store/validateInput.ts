// The store owns the data, so it checks what it is given: the UI's requests arrive
// across a process boundary and a transcript may come from a JSON file.
import { z } from 'zod';
import type { EditOp, JobState, MeetingInput } from '../common/api';
import type { LocalizedText } from '../common/errors';
import type { EngineProgress, Transcript } from '../common/transcript';
import { invalidInputError } from './storeErrors';

const id = z.int().positive();
const seconds = z.number().nonnegative();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}, 'not a calendar date');

const meetingInput = z.object({
  title: z.string().trim().min(1).max(500),
  body: z.string().trim().max(200),
  date: isoDate,
  place: z.string().trim().max(200),
});

const media = z.object({ path: z.string().min(1), durationS: seconds.nullable() });

const editOp = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setText'), segmentId: id, text: z.string() }),
  z.object({ kind: z.literal('split'), segmentId: id, offset: z.int().positive() }),
  z.object({ kind: z.literal('mergeNext'), segmentId: id }),
  z.object({ kind: z.literal('setSpeaker'), segmentId: id, speakerId: id.nullable() }),
  z.object({ kind: z.literal('renameSpeaker'), speakerId: id, name: z.string().trim().max(100), role: z.string().trim().max(100) }),
  z.object({ kind: z.literal('addSpeaker'), name: z.string().trim().min(1).max(100), role: z.string().trim().max(50) }),
  z.object({ kind: z.literal('mergeSpeakers'), fromSpeakerId: id, intoSpeakerId: id }),
  z.object({ kind: z.literal('replaceAll'), find: z.string().min(1), replace: z.string(), regex: z.boolean(), caseSensitive: z.boolean() }),
]);

const token = z.object({
  start: seconds, end: seconds, text: z.string(), p: z.number(),
  doubt: z.boolean().optional(), doubtLevel: z.enum(['check', 'maybe', 'none']).optional(),
});

const transcript = z.object({
  version: z.literal(1),
  audio: z.object({ path: z.string(), duration: seconds }).loose(),
  segments: z.array(z.object({
    start: seconds, end: seconds, speaker: z.string().nullable(), text: z.string(), tokens: z.array(token),
  }).loose()),
}).loose();

const localizedText = z.object({ ja: z.string(), en: z.string() });
const progress = z.object({
  stage: z.enum(['decode', 'vad', 'asr', 'speakers', 'done']), progress: z.number().min(0).max(1), eta_s: seconds.nullable(),
});
const jobPatch = z.object({
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).optional(),
  progress: progress.nullable().optional(),
  error: localizedText.nullable().optional(),
});

function check<T>(schema: z.ZodType<T>, value: unknown, what: string, whatJa: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const where = r.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
  throw invalidInputError(`${what}: ${where}`, `${whatJa}（${where}）`);
}

export const validMeetingInput = (v: unknown): MeetingInput => check(meetingInput, v, 'meeting', '会議の情報');
export const validMedia = (v: unknown): { path: string; durationS: number | null } => check(media, v, 'media', '音声ファイル');
export const validEditOp = (v: unknown): EditOp => check(editOp, v, 'edit', '編集操作') as EditOp;
export const validTranscript = (v: unknown): Transcript => check(transcript, v, 'transcript', '文字起こし結果') as unknown as Transcript;
export const validId = (v: unknown, what: string): number => check(id, v, what, 'ID');
export const validJobPatch = (v: unknown): { state?: JobState; progress?: EngineProgress | null; error?: LocalizedText | null } =>
  check(jobPatch, v, 'job update', '処理の更新');
export const validSeconds = (v: unknown, what: string): number => check(seconds, v, what, '時間');
