import type { Db } from '../open';
import { prepared } from '../prepared';

/**
 * The register of removed partner organisations (schema v9): ids only, append-only. A study file
 * carries it, so an organisation removed on one laptop is not brought back by another that still
 * had it, and is removed there too while nothing names it (docs/decisions/2026-12-01-network-edits.md).
 */

export interface OrganisationRemoval {
  id: string;
  networkId: string;
  removedAt: string;
  deviceId: string;
}

/** Records a removed organisation unless it is already in the register; true when it was added. */
export function registerOrganisationRemoval(db: Db, entry: OrganisationRemoval): boolean {
  return (
    prepared(
      db,
      'INSERT INTO removed_organisations (id, network_id, removed_at, device_id) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM removed_organisations WHERE id = ?)',
    ).run(entry.id, entry.networkId, entry.removedAt, entry.deviceId, entry.id).changes === 1
  );
}

export function isOrganisationRemoved(db: Db, organisationId: string): boolean {
  return !!prepared(db, 'SELECT 1 FROM removed_organisations WHERE id = ?').get(organisationId);
}

const NAMED_BY_NOTHING = `NOT EXISTS (SELECT 1 FROM responses r WHERE r.organisation_id = o.id)
  AND NOT EXISTS (SELECT 1 FROM respondents p WHERE p.organisation_id = o.id)`;

/**
 * Removes every organisation in the register that no response or respondent names (as
 * removeOrganisation would). One that is named here stays: responses were given under it on this
 * laptop, and they are never left without their organisation. Returns those removed.
 */
export function applyOrganisationRemovals(db: Db): { id: string; networkId: string; name: string }[] {
  const gone = prepared(
    db,
    `SELECT id, network_id AS networkId, name FROM organisations o WHERE id IN (SELECT id FROM removed_organisations) AND ${NAMED_BY_NOTHING} ORDER BY name`,
  ).all() as { id: string; networkId: string; name: string }[];
  for (const o of gone) prepared(db, 'DELETE FROM organisations WHERE id = ?').run(o.id);
  return gone;
}

/** Whether a response or respondent here names the organisation. */
export function organisationNamed(db: Db, organisationId: string): boolean {
  return !!prepared(db, `SELECT 1 FROM organisations o WHERE id = ? AND NOT (${NAMED_BY_NOTHING})`).get(organisationId);
}
