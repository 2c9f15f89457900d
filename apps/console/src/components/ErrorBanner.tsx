import { errorMessages } from '../api.ts';

/** A zh-CN error message announced to screen readers; every faulty field when there are several. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const messages = errorMessages(error);
  if (messages.length === 1) {
    return (
      <p className="error" role="alert">
        {messages[0]}
      </p>
    );
  }
  return (
    <div className="error" role="alert">
      <p>有 {messages.length} 处需要修改：</p>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
