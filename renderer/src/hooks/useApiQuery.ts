import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../core/model/result.js';
import { safeCall } from '../api/call.js';

export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'loading'; value?: T }
  | { status: 'ok'; value: T }
  | { status: 'error'; error: ApiError; value?: T };

/**
 * Loads data through the API whenever `key` changes (null: nothing to load), keeping the last
 * value while reloading and turning every failure into an ApiError to show. Answers that arrive
 * after the key changed are dropped.
 */
export function useApiQuery<T>(key: string | null, load: () => Promise<ApiResult<T>>): QueryState<T> & { reload(): void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'idle' });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'loading', value: 'value' in s ? s.value : undefined }));
    void safeCall(() => loadRef.current()).then((result) => {
      if (!live) return;
      setState((s) => (result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error, value: 'value' in s ? s.value : undefined }));
    });
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // One object per state, so memoised consumers do not recompute on unrelated renders.
  return useMemo(() => ({ ...state, reload }), [state, reload]);
}
