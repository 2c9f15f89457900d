import { useEffect, useRef } from 'react';

/**
 * A ref whose element takes focus when the component appears: a form or panel that opens moves
 * keyboard and screen-reader users to its heading (which needs `tabIndex={-1}`).
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
