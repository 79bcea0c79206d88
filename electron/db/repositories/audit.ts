import { randomUUID } from 'node:crypto';
import type { Db } from '../open';
import { prepared } from '../prepared';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

/** Appends one entry; the table's triggers refuse updates and deletes. */
export function appendAudit(db: Db, deviceId: string, entry: AuditEntry, at = new Date().toISOString()): void {
  prepared(db, 
    'INSERT INTO audit_log (id, at, device_id, actor, action, entity, entity_id, details) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)',
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
