import { ErrorAlert, StatusMessage } from './Messages';

/**
 * The end of a form that runs one action (useAction): what went wrong, what was done, and the
 * button that sends the form, off while the action runs.
 */
export function SubmitRow({
  action,
  label,
  large = false,
  errorTestId,
  statusTestId,
}: {
  action: { busy: boolean; error: string | null; status: string | null };
  label: string;
  large?: boolean;
  errorTestId?: string;
  statusTestId?: string;
}) {
  return (
    <>
      <ErrorAlert message={action.error} testId={errorTestId} />
      <StatusMessage message={action.status} testId={statusTestId} />
      <button type="submit" className={large ? 'button button-large' : 'button'} disabled={action.busy}>
        {label}
      </button>
    </>
  );
}
