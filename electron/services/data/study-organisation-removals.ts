import type { StudyData } from '../../../shared/study';
import type { Db } from '../../db/open';
import { organisationNamed } from '../../db/repositories/organisation-removals';
import * as repo from '../../db/repositories/study';

/**
 * Partner organisations removed on some laptop, merged from a study file: the register is the union
 * of this laptop's and the file's. An organisation in it is not brought in from the file, and one
 * here is removed, unless responses or respondents name it (here, or arriving with the same file):
 * then it stays, and the preview names it, so the researcher can archive it instead
 * (docs/decisions/2026-12-01-network-edits.md).
 */

type Rows<K extends keyof StudyData> = StudyData[K];

export interface OrganisationRemovalPlan {
  /** The file's register entries not yet here. */
  add: Rows<'removed_organisations'>;
  /** How many of the file's organisations are not brought in because they were removed. */
  skipped: number;
  /** Organisations here that the import removes (names). */
  removed: string[];
  /** Organisations in the register that stay because something names them (names). */
  kept: string[];
}

/**
 * Plans the removals of one import. `adding` are the file's organisations the import would add,
 * `named` the organisation ids (as they will be here) that the respondents and responses the import
 * adds or keeps name. Returns the plan and the organisations still to add.
 */
export function planOrganisationRemovals(
  db: Db,
  data: Pick<StudyData, 'removed_organisations' | 'organisations'>,
  adding: Rows<'organisations'>,
  named: ReadonlySet<string>,
): { removals: OrganisationRemovalPlan; organisations: Rows<'organisations'> } {
  const removals: OrganisationRemovalPlan = { add: [], skipped: 0, removed: [], kept: [] };
  const inFile = new Set(data.removed_organisations.map((r) => r.id));
  const isRemoved = (id: string) => inFile.has(id) || repo.exists.organisationRemoval(db, id);

  const organisations = adding.filter((o) => {
    if (!isRemoved(o.id)) return true;
    if (named.has(o.id)) {
      removals.kept.push(o.name);
      return true;
    }
    removals.skipped++;
    return false;
  });

  for (const r of data.removed_organisations) {
    if (repo.exists.organisationRemoval(db, r.id)) continue;
    removals.add.push(r);
    const name = repo.organisationName(db, r.id);
    if (name === null) continue;
    if (named.has(r.id) || organisationNamed(db, r.id)) removals.kept.push(name);
    else removals.removed.push(name);
  }
  removals.kept.sort((a, b) => a.localeCompare(b, 'nl'));
  removals.removed.sort((a, b) => a.localeCompare(b, 'nl'));
  return { removals, organisations };
}
