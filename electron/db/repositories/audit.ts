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

export function countAudit(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

export function listAuditPage(db: Db, offset: number, limit: number): AuditLogRow[] {
  return prepared(db, `SELECT ${auditColumns} FROM audit_log ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?`).all(limit, offset) as AuditLogRow[];
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
