/**
 * Small-cell protection for breakdowns (organisations, role groups, disciplines).
 *
 * Primary suppression: a group with fewer than the minimum number of respondents is not shown.
 * Complementary suppression: the network total is shown, so whoever is not in a shown group can be
 * computed by subtraction (total minus the shown groups). When that remainder is a small group of
 * people (more than 0, fewer than the minimum), the next-smallest shown group is hidden as well,
 * until the remainder is empty or large enough. People in no group at all (no organisation chosen,
 * role declined) are part of the remainder, so they protect, and are protected, alike.
 */

export interface Cell {
  id: string;
  /** Respondents in the group (for this number: with a score). */
  n: number;
}

/**
 * The ids to hide. `total` is the shown count the groups are a part of (e.g. the network's n for
 * this scale and wave); `alreadyHidden` are hidden for another reason (e.g. at wave level), so the
 * same group stays hidden in every table of that wave.
 */
export function suppressCells(cells: readonly Cell[], total: number, minSize: number, alreadyHidden: Iterable<string> = []): Set<string> {
  const hidden = new Set<string>(alreadyHidden);
  for (const c of cells) if (c.n > 0 && c.n < minSize) hidden.add(c.id);
  const remainder = () => total - cells.reduce((sum, c) => (hidden.has(c.id) ? sum : sum + c.n), 0);
  // Smallest first; ties by id so the outcome does not depend on the order of the input.
  const candidates = cells.filter((c) => c.n > 0).sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let rest = remainder();
  while (rest > 0 && rest < minSize) {
    const next = candidates.find((c) => !hidden.has(c.id));
    if (!next) break;
    hidden.add(next.id);
    rest = remainder();
  }
  return hidden;
}

/** True when a group of this size may be shown on its own. */
export function isShowable(n: number, minSize: number): boolean {
  return n >= minSize;
}
