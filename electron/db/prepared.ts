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
