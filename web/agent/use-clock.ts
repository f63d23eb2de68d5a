/**
 * Time on the server's clock: the screen counts talk, wrap-up and status
 * time from the server's moments, so a browser whose clock is off still
 * counts right. The offset is taken each time a state arrives.
 */
import { useEffect, useMemo, useState } from 'react';

export function useServerClock(serverNow: string | undefined): (sinceIso: string | null | undefined) => number {
  const offset = useMemo(() => (serverNow ? Date.parse(serverNow) - Date.now() : 0), [serverNow]);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (since) => (since ? Math.max(0, (now + offset - Date.parse(since)) / 1000) : 0);
}
