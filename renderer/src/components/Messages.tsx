import { useEffect, useState } from 'react';

/** An error for the person at the screen; role="alert" makes screen readers announce it at once. */
export function ErrorAlert({ message, testId, id }: { message: string | null; testId?: string; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="message message-error" data-testid={testId} id={id}>
      {message}
    </p>
  );
}

/** How long a confirmation stays in view. */
export const STATUS_VISIBLE_MS = 6000;

/**
 * A polite live region. It stays in the page while empty so that assistive technology is
 * already watching it when a message arrives. A confirmation leaves the view after a few seconds
 * but stays in the region, for a screen reader to read back; `persist` keeps one in view (a
 * "saved" beside an answer says how things are, not what just happened). Errors are ErrorAlert
 * and never fade.
 */
export function StatusMessage({ message, testId, persist = false }: { message: string | null; testId?: string; persist?: boolean }) {
  const [shown, setShown] = useState({ message, faded: false });
  // A new message (or the same one again, after none) is in view again.
  if (shown.message !== message) setShown({ message, faded: false });
  useEffect(() => {
    if (message === null || persist) return;
    const timer = window.setTimeout(() => setShown({ message, faded: true }), STATUS_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [message, persist]);
  const className = !message ? 'message-empty' : shown.faded && shown.message === message ? 'message message-ok visually-hidden' : 'message message-ok';
  return (
    <p role="status" className={className} data-testid={testId}>
      {message}
    </p>
  );
}
