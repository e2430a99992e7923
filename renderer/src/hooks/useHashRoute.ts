import { useEffect, useState } from 'react';

export type Route =
  { screen: 'library' } | { screen: 'terms' } | { screen: 'settings' } | { screen: 'record' } | { screen: 'editor'; meetingId: number };

function parseHash(hash: string): Route {
  const m = /^#\/meeting\/(\d+)/.exec(hash);
  if (m) return { screen: 'editor', meetingId: Number(m[1]) };
  if (/^#\/settings\b/.test(hash)) return { screen: 'settings' };
  if (/^#\/record\b/.test(hash)) return { screen: 'record' };
  return /^#\/terms\b/.test(hash) ? { screen: 'terms' } : { screen: 'library' };
}

/** The screen lives in the URL hash, so a reload reopens the same meeting. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = (next: Route) => {
    window.location.hash = next.screen === 'editor' ? `#/meeting/${next.meetingId}` : next.screen === 'library' ? '#/' : `#/${next.screen}`;
  };
  return [route, navigate];
}
