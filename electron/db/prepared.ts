import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection and reused. Saving an answer runs a handful
 * of statements; compiling them on every call cost more than the durable write itself.
 */
export function prepared(db: Db, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let statement = perDb.get(sql);
  if (!statement) perDb.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * Adds a row made on this device: a new id, `created_at` and `updated_at` both `now`, this
 * device's id, and the given columns. Returns the new id. Table and column names come from the
 * code, never from input.
 */
export function insertNewRow(db: Db, table: string, columns: Record<string, unknown>, stamp: { now: string; deviceId: string }): string {
  const id = randomUUID();
  const names = Object.keys(columns);
  const placeholders = ['id', ...names, 'created_at', 'updated_at', 'device_id'].map(() => '?').join(', ');
  prepared(db, `INSERT INTO ${table} (id, ${names.join(', ')}, created_at, updated_at, device_id) VALUES (${placeholders})`).run(
    id,
    ...Object.values(columns),
    stamp.now,
    stamp.now,
    stamp.deviceId,
  );
  return id;
}
