/** An error for the person at the screen; role="alert" makes screen readers announce it at once. */
export function ErrorAlert({ message, testId, id }: { message: string | null; testId?: string; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="message message-error" data-testid={testId} id={id}>
      {message}
    </p>
  );
}

/**
 * A polite live region. It stays in the page while empty so that assistive technology is
 * already watching it when a message arrives.
 */
export function StatusMessage({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <p role="status" className={message ? 'message message-ok' : 'message-empty'} data-testid={testId}>
      {message}
    </p>
  );
}
