import { splitProblems } from './problems';

/** The refusal of an import as an alert: a list of problems when the message has one. */
export function ProblemAlert({ message, id, testId }: { message: string | null; id?: string; testId?: string }) {
  if (!message) return null;
  const parts = splitProblems(message);
  if (!parts) {
    return (
      <p role="alert" className="message message-error" id={id} data-testid={testId}>
        {message}
      </p>
    );
  }
  return (
    <div role="alert" className="message message-error problem-list" id={id} data-testid={testId}>
      <p>{parts.lead}</p>
      <ul>
        {parts.problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      <p>{parts.tail}</p>
    </div>
  );
}
