import { randomUUID } from 'node:crypto';
import type { Db } from '../open';
import { prepared } from '../prepared';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry; the table's triggers refuse updates and deletes. The actor is the researcher
 * name set on this laptop (settings key researcher_name), read by the same statement.
 */
export function appendAudit(db: Db, deviceId: string, entry: AuditEntry, at = new Date().toISOString()): void {
  prepared(db, 
    `INSERT INTO audit_log (id, at, device_id, actor, action, entity, entity_id, details)
     VALUES (?, ?, ?, (SELECT value FROM settings WHERE key = 'researcher_name'), ?, ?, ?, ?)`,
  ).run(randomUUID(), at, deviceId, entry.action, entry.entity, entry.entityId, entry.details ? JSON.stringify(entry.details) : null);
}

export interface AuditRow {
  at: string;
  deviceId: string;
  action: string;
  entity: string;
  entityId: string | null;
}

export function listAudit(db: Db): AuditRow[] {
  return prepared(db, 'SELECT at, device_id AS deviceId, action, entity, entity_id AS entityId FROM audit_log ORDER BY at, rowid')
    .all() as AuditRow[];
}

// --- Reading the log: newest first, paged; nothing here or anywhere else changes an entry. ---

export interface AuditLogRow {
  id: string;
  at: string;
  deviceId: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: string | null;
}

const auditColumns = 'id, at, device_id AS deviceId, actor, action, entity, entity_id AS entityId, details';

/** Which entries to read: one kind (action), a period (`from` inclusive, `to` exclusive), one network. */
export interface AuditFilter {
  kind?: string;
  from?: string;
  to?: string;
  networkId?: string;
}

/** An entry with what it is about, looked up now: the log itself holds ids only. */
export interface AuditContextRow extends AuditLogRow {
  networkId: string | null;
  networkName: string | null;
  waveLabel: string | null;
  organisationName: string | null;
}

/**
 * The network an entry is about, from its entity: directly, through the wave, organisation,
 * response, respondent or link decision, through the erasure register for rows that were erased,
 * and through a `waveId` in the details for a response that was thrown away. An erasure's own
 * entry names nobody; the register row written in the same moment on the same laptop gives its
 * network.
 */
const entryNetwork = `CASE a.entity
    WHEN 'network' THEN a.entity_id
    WHEN 'wave' THEN (SELECT network_id FROM waves WHERE id = a.entity_id)
    WHEN 'organisation' THEN (SELECT network_id FROM organisations WHERE id = a.entity_id)
    WHEN 'response' THEN coalesce(
      (SELECT w.network_id FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.id = a.entity_id),
      (SELECT network_id FROM erasures WHERE id = a.entity_id),
      (SELECT network_id FROM waves WHERE id = json_extract(a.details, '$.waveId')))
    WHEN 'respondent' THEN coalesce(
      (SELECT network_id FROM respondents WHERE id = a.entity_id),
      (SELECT network_id FROM erasures WHERE id = a.entity_id),
      CASE WHEN a.action = 'respondent.erased' THEN
        (SELECT network_id FROM erasures e WHERE e.kind = 'respondent' AND e.erased_at = a.at AND e.device_id = a.device_id LIMIT 1) END)
    WHEN 'link-decision' THEN (SELECT network_id FROM link_decisions WHERE id = a.entity_id)
  END`;

const entryWave = `CASE a.entity
    WHEN 'wave' THEN coalesce((SELECT label FROM waves WHERE id = a.entity_id), json_extract(a.details, '$.label'))
    WHEN 'response' THEN coalesce(
      (SELECT w.label FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.id = a.entity_id),
      (SELECT label FROM waves WHERE id = json_extract(a.details, '$.waveId')))
  END`;

const entryOrganisation = `CASE a.entity WHEN 'organisation' THEN (SELECT name FROM organisations WHERE id = a.entity_id) END`;

function filteredEntries(filter: AuditFilter): { sql: string; params: string[] } {
  const conditions: [string, string | undefined][] = [
    ['a.action = ?', filter.kind],
    ['a.at >= ?', filter.from],
    ['a.at < ?', filter.to],
  ];
  const used = conditions.filter((c): c is [string, string] => c[1] !== undefined);
  const where = used.map(([condition]) => condition);
  const params = used.map(([, value]) => value);
  const inner = `SELECT a.rowid AS seq, a.*, ${entryNetwork} AS network_id FROM audit_log a${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  if (filter.networkId === undefined) return { sql: inner, params };
  return { sql: `SELECT * FROM (${inner}) WHERE network_id = ?`, params: [...params, filter.networkId] };
}

export function countAudit(db: Db, filter: AuditFilter = {}): number {
  const { sql, params } = filteredEntries(filter);
  return (prepared(db, `SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
}

/** A page of entries, newest first, each with the names of what it is about. */
export function listAuditPage(db: Db, offset: number, limit: number, filter: AuditFilter = {}): AuditContextRow[] {
  const { sql, params } = filteredEntries(filter);
  return prepared(
    db,
    `SELECT a.id, a.at, a.device_id AS deviceId, a.actor, a.action, a.entity, a.entity_id AS entityId, a.details,
       a.network_id AS networkId, n.name AS networkName, ${entryWave} AS waveLabel, ${entryOrganisation} AS organisationName
     FROM (${sql}) a LEFT JOIN networks n ON n.id = a.network_id
     ORDER BY a.at DESC, a.seq DESC LIMIT ? OFFSET ?`,
  ).all(...params, limit, offset) as AuditContextRow[];
}

/** Every entry, oldest first, for the CSV export. */
export function listAllAudit(db: Db): AuditLogRow[] {
  return prepared(db, `SELECT ${auditColumns} FROM audit_log ORDER BY at, rowid`).all() as AuditLogRow[];
}

/** When an erasure last took effect on this laptop (erased here, or applied from a study file). */
export function lastErasureAt(db: Db, deviceId: string): string | null {
  const row = prepared(db, "SELECT max(at) AS at FROM audit_log WHERE device_id = ? AND action IN ('respondent.erased', 'study.erasures_applied')").get(deviceId) as {
    at: string | null;
  };
  return row.at;
}

/**
 * For a restore, with the database being replaced attached as `previous`: copies every entry of
 * its log the restored database (main) lacks, in their order. The log never loses an entry.
 */
export function copyMissingAuditEntries(db: Db): number {
  return db
    .prepare(
      `INSERT INTO main.audit_log (id, at, device_id, actor, action, entity, entity_id, details)
       SELECT id, at, device_id, actor, action, entity, entity_id, details FROM previous.audit_log p
       WHERE NOT EXISTS (SELECT 1 FROM main.audit_log a WHERE a.id = p.id) ORDER BY p.rowid`,
    )
    .run().changes;
}
