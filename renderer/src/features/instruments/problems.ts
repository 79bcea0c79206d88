/**
 * A refused definition comes back from the main process as one Dutch sentence,
 * "Lead: problem; problem; …. Tail." (see electron/services/instruments.ts). Split into its parts,
 * each problem can be shown as a list item; any other message (no lead with a colon) gives null
 * and is shown as the sentence it is.
 */
export function splitProblems(message: string): { lead: string; problems: string[]; tail: string } | null {
  const match = /^([^:(]+): ([\s\S]+?)\.\s+([^.]+\.)$/.exec(message);
  if (!match) return null;
  const problems = match[2]!
    .split('; ')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (problems.length === 0) return null;
  return { lead: `${match[1]!}:`, problems, tail: match[3]! };
}
