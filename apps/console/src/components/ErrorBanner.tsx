import { errorText } from '../api.ts';

/** A zh-CN error message announced to screen readers. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {errorText(error)}
    </p>
  );
}
