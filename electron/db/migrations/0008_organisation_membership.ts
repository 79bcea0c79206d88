import type { Database } from 'better-sqlite3';

/**
 * Schema v7: partner organisations join and leave a network (*toetreding*, *uittreding* in the
 * collaboration agreements), may carry the number of participants the network expects of them,
 * and are archived rather than deleted once they have responses: hidden from new-response
 * choices, kept in results and exports. Existing organisations have none of these set.
 */
export function migrateToVersion8(db: Database): void {
  db.exec(`
    ALTER TABLE organisations ADD COLUMN joined_on TEXT;
    ALTER TABLE organisations ADD COLUMN left_on TEXT CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on);
    ALTER TABLE organisations ADD COLUMN expected_participants INTEGER CHECK (expected_participants IS NULL OR expected_participants BETWEEN 1 AND 10000);
    ALTER TABLE organisations ADD COLUMN archived_at TEXT;
  `);
}
