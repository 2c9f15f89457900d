import { useCallback, useEffect, useState } from 'react';

/**
 * A queue filtered by status: loads on mount and whenever the status changes; `reload` after an
 * action. A failed load leaves the previous items and reports the error. `fetchItems` should be
 * a module-level function (a new function each render would reload each render).
 */
export function useQueue<S, T>(status: S, fetchItems: (status: S) => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    setError(null);
    try {
      setItems(await fetchItems(status));
    } catch (e) {
      setError(e);
    }
  }, [status, fetchItems]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, error, setError, reload };
}
