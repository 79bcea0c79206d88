import { randomUUID } from 'node:crypto';
import type { Db } from '../open';
import { prepared } from '../prepared';

export function getSetting(db: Db, key: string): string | null {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** A setting that holds JSON (a kiosk or meeting session); null when absent or unreadable. */
export function getJsonSetting<T>(db: Db, key: string): T | null {
  const raw = getSetting(db, key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function setSetting(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteSetting(db: Db, key: string): void {
  prepared(db, 'DELETE FROM settings WHERE key = ?').run(key);
}

/** Each install gets its own device id; every row that can travel between laptops carries it. */
export function ensureDeviceId(db: Db): string {
  const existing = getSetting(db, 'device_id');
  if (existing) return existing;
  const id = randomUUID();
  prepared(db, 'INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run('device_id', id);
  return getSetting(db, 'device_id') ?? id;
}
