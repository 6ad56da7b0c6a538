import { useEffect, useRef, useState } from 'react';
import type { TrackerApi } from './api-client';

/** How often an open tab asks what changed: fresh within seconds in a check-in meeting, one tiny request each time. */
export const LIVE_EVERY_MS = 4000;
/** How long a changed row stays highlighted. */
export const HIGHLIGHT_MS = 4000;

export interface LiveChanges {
  /** Goes up by one each time someone (anyone, in any tab or instance) changed something. */
  version: number;
  /** Items changed in the last few seconds, to highlight. */
  recent: ReadonlySet<string>;
}

/**
 * Asks the server's change feed every few seconds while the tab is visible. When items changed, the
 * views reload (one request each) and the changed rows light up briefly; a hidden tab stays quiet.
 */
export function useLiveChanges(api: TrackerApi, everyMs = LIVE_EVERY_MS): LiveChanges {
  const [state, setState] = useState<LiveChanges>({ version: 0, recent: new Set() });
  const clearTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    let cursor: string | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const feed = await api.changes(cursor);
          if (cursor !== null && (feed.ids.length > 0 || feed.reset)) {
            setState((s) => ({ version: s.version + 1, recent: new Set(feed.ids) }));
            clearTimeout(clearTimer.current);
            clearTimer.current = setTimeout(() => setState((s) => ({ ...s, recent: new Set() })), HIGHLIGHT_MS);
          }
          cursor = feed.cursor;
        } catch {
          // Offline or signed out for a moment: the next tick tries again; the views show their own errors.
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(clearTimer.current);
    };
  }, [api, everyMs]);
  return state;
}
