import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  /** True until the answer for the current key has arrived: `data` may still be the previous key's. */
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `key` changes (and on `reload()`); ignores answers that arrive after a newer request. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean; key?: string }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false, key }),
      (error: unknown) => current && setState({ error, loading: false, key }),
    );
    return () => {
      current = false;
    };
    // `load` is recreated each render; `key` says when the request really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // In the render where the key changes the effect has not run yet: the data shown is still the old key's.
  return { data: state.data, error: state.error, loading: state.loading || state.key !== key, reload };
}
