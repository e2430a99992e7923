// The store owns the data, so it checks what it is given: the UI's requests arrive
// across a process boundary and a transcript may come from a JSON file. The API checks
// its arguments with the same schemas (each domain's table beside its service,
// native/app/<domain>/*Schemas.ts), so both refuse the same.
import { z } from 'zod';
import type { EditOp, JobState, MeetingInput } from '../common/api';
import type { LocalizedText } from '../common/errors';
import type { EngineProgress, Transcript } from '../common/transcript';
import { invalidInputError } from './storeErrors';

/** a row id: a positive safe integer */
export const idSchema = z.int().positive();
/** seconds into a recording (a week at most) */
export const secondsSchema = z
  .number()
  .finite()
  .min(0)
  .max(7 * 24 * 3600);
const seconds = secondsSchema;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date');

const meetingText = z.string().trim().max(200);

/** A meeting as stored: a title that is more than blanks and a calendar date (the list sorts and prints by them). */
export const meetingInputSchema = z
  .object({
    title: meetingText.min(1),
    body: meetingText,
    date: isoDate,
    place: meetingText,
  })
  .strict();

/** What a recording starts from: title and date may be left empty, the recorder fills in 録音 <date> <time> and today. */
export const recordingMeetingSchema = meetingInputSchema.extend({ title: meetingText, date: z.union([z.literal(''), isoDate]) });

const media = z.object({ path: z.string().min(1), durationS: seconds.nullable() });

/** a speaker's 氏名 and 職名, as long as the roster's (native/store/speakerInput.ts) */
const speakerName = z.string().trim().max(100);
const speakerRole = z.string().trim().max(50);

export const editOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setText'), segmentId: idSchema, text: z.string().max(100_000) }).strict(),
  // the first character of a segment cannot start a new one: a split needs text on both sides
  z.object({ kind: z.literal('split'), segmentId: idSchema, offset: z.int().positive() }).strict(),
  z.object({ kind: z.literal('mergeNext'), segmentId: idSchema }).strict(),
  z.object({ kind: z.literal('setSpeaker'), segmentId: idSchema, speakerId: idSchema.nullable() }).strict(),
  z.object({ kind: z.literal('renameSpeaker'), speakerId: idSchema, name: speakerName, role: speakerRole }).strict(),
  z.object({ kind: z.literal('addSpeaker'), name: speakerName.min(1), role: speakerRole }).strict(),
  z.object({ kind: z.literal('mergeSpeakers'), fromSpeakerId: idSchema, intoSpeakerId: idSchema }).strict(),
  z
    .object({
      kind: z.literal('replaceAll'),
      find: z.string().min(1).max(1000),
      replace: z.string().max(1000),
      regex: z.boolean(),
      caseSensitive: z.boolean(),
    })
    .strict(),
]);

const token = z.object({
  start: seconds,
  end: seconds,
  text: z.string(),
  p: z.number(),
  doubt: z.boolean().optional(),
  doubtLevel: z.enum(['check', 'maybe', 'none']).optional(),
});

const transcript = z
  .object({
    version: z.literal(1),
    audio: z.object({ path: z.string(), duration: seconds }).loose(),
    segments: z.array(
      z
        .object({
          start: seconds,
          end: seconds,
          speaker: z.string().nullable(),
          text: z.string(),
          tokens: z.array(token),
        })
        .loose(),
    ),
  })
  .loose();

const localizedText = z.object({ ja: z.string(), en: z.string() });
const progress = z.object({
  stage: z.enum(['decode', 'vad', 'asr', 'speakers', 'done']),
  progress: z.number().min(0).max(1),
  eta_s: seconds.nullable(),
});
const jobPatch = z.object({
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).optional(),
  progress: progress.nullable().optional(),
  error: localizedText.nullable().optional(),
});

/** the value as the schema gives it back, or a BAD_ARGUMENTS error naming what is wrong in both languages */
export function checkInput<T>(schema: z.ZodType<T>, value: unknown, what: string, whatJa: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const where = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || what}: ${i.message}`)
    .join('; ');
  throw invalidInputError(`${what}: ${where}`, `${whatJa}（${where}）`);
}

export const validMeetingInput = (v: unknown): MeetingInput => checkInput(meetingInputSchema, v, 'meeting', '会議の情報');
export const validMedia = (v: unknown): { path: string; durationS: number | null } => checkInput(media, v, 'media', '音声ファイル');
export const validEditOp = (v: unknown): EditOp => checkInput(editOpSchema, v, 'edit', '編集操作');
export const validTranscript = (v: unknown): Transcript =>
  checkInput(transcript, v, 'transcript', '文字起こし結果') as unknown as Transcript;
export const validId = (v: unknown, what: string): number => checkInput(idSchema, v, what, 'ID');
export const validJobPatch = (v: unknown): { state?: JobState; progress?: EngineProgress | null; error?: LocalizedText | null } =>
  checkInput(jobPatch, v, 'job update', '処理の更新');
export const validSeconds = (v: unknown, what: string): number => checkInput(seconds, v, what, '時間');
