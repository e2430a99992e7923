import { useEffect, useRef } from 'react';

/** Calls `tick` every `ms` while `ms` is not null; the latest `tick` is always used. */
export function useInterval(tick: () => void, ms: number | null): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;
  useEffect(() => {
    if (ms === null) return;
    const id = setInterval(() => tickRef.current(), ms);
    return () => clearInterval(id);
  }, [ms]);
}
