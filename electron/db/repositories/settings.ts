import { randomUUID } from 'node:crypto';
import type { Db } from '../open';

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteSetting(db: Db, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}

/** Each install gets its own device id; every row that can travel between laptops carries it. */
export function ensureDeviceId(db: Db): string {
  const existing = getSetting(db, 'device_id');
  if (existing) return existing;
  const id = randomUUID();
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run('device_id', id);
  return getSetting(db, 'device_id') ?? id;
}
