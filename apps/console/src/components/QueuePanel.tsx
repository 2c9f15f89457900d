import type { ReactNode } from 'react';
import { Outcome } from './Outcome.tsx';

/**
 * The tab panel under a queue's status tabs: the last error, the last action's confirmation
 * (announced as a status), then the panel's own content (a decision form, the queue table).
 */
export function QueuePanel({
  idPrefix,
  selected,
  error,
  done,
  children,
}: {
  idPrefix: string;
  selected: string;
  error: unknown;
  done: string;
  children: ReactNode;
}) {
  return (
    <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={`${idPrefix}-tab-${selected}`}>
      <Outcome error={error} done={done} />
      {children}
    </div>
  );
}
