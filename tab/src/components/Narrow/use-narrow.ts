import { useEffect, useState } from 'react';

/** Below this width (Teams on a phone, a side panel) rows stack as cards and menus fold. */
export const NARROW_QUERY = '(max-width: 640px)';

/** Whether the tab is narrow now; follows rotation and resizing. */
export function useNarrow(): boolean {
  const media = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
  const [narrow, setNarrow] = useState(media?.matches ?? false);
  useEffect(() => {
    if (!media) return;
    const onChange = () => setNarrow(media.matches);
    media.addEventListener('change', onChange);
    onChange();
    return () => media.removeEventListener('change', onChange);
    // One MediaQueryList per mount is enough; `media` is recreated each render but queries the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return narrow;
}
