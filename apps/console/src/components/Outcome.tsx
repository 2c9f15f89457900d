import { ErrorBanner } from './ErrorBanner.tsx';

/**
 * The outcome of the last action on a screen: its error (an alert) or its confirmation (a
 * status, announced politely). Both are empty until something happens.
 */
export function Outcome({ error, done }: { error: unknown; done: string }) {
  return (
    <>
      <ErrorBanner error={error} />
      {done ? (
        <p className="ok" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}
