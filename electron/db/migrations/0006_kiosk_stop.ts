import type { Database } from 'better-sqlite3';

/**
 * Schema v6: per network, what *Stoppen* in kiosk mode does with a respondent's answers so far:
 * `keep` them as an incomplete response, or `discard` them. Existing networks keep them, as the
 * app's standard consent text has always promised ("Wat u al heeft ingevuld, blijft dan wel
 * bewaard"); see docs/decisions/2026-12-01-kiosk-stop.md.
 */
export function migrateToVersion6(db: Database): void {
  db.exec(`ALTER TABLE networks ADD COLUMN kiosk_stop TEXT NOT NULL DEFAULT 'keep' CHECK (kiosk_stop IN ('keep','discard'))`);
}
