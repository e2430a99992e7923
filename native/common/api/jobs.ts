// The API's transcription jobs: a meeting's recording transcribed in the background, one job at a time.
import type { LocalizedText } from '../errors';
import type { EngineProgress } from '../transcript';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: number;
  meetingId: number;
  state: JobState;
  model: string;
  progress: EngineProgress | null;
  error: LocalizedText | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobsApi {
  /** modelPath: one of listModels(); a model must be in the manifest unless an administrator allows others */
  startTranscription(meetingId: number, modelPath: string): Promise<Job>;
  listJobs(): Promise<Job[]>;
  cancelJob(jobId: number): Promise<Job>;
}

export const JOBS_METHODS = ['startTranscription', 'listJobs', 'cancelJob'] as const satisfies readonly (keyof JobsApi)[];
