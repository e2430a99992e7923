import { useCallback, useRef, useState } from 'react';
import type { Job } from '../../../../native/common/api';
import { api } from '../../api/api';
import { useInterval } from '../../hooks/useInterval';

const POLL_MS = 1000;

/** Polls listJobs each second; calls onJobFinished when a job this page saw running has ended. */
export function useJobs(onJobFinished: (job: Job) => void): { jobs: Job[]; refreshJobs(): void } {
  const [jobs, setJobs] = useState<Job[]>([]);
  const activeIds = useRef(new Set<number>());
  const inFlight = useRef(false);

  const refreshJobs = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    api
      .listJobs()
      .then((list) => {
        for (const job of list) {
          const active = job.state === 'queued' || job.state === 'running';
          if (active) activeIds.current.add(job.id);
          else if (activeIds.current.delete(job.id)) onJobFinished(job);
        }
        setJobs(list);
      })
      .catch(() => {
        /* the next tick retries; errors surface on user actions */
      })
      .finally(() => {
        inFlight.current = false;
      });
  }, [onJobFinished]);

  useInterval(refreshJobs, POLL_MS);
  return { jobs, refreshJobs };
}
