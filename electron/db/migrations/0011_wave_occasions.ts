import type { Database } from 'better-sqlite3';

/**
 * Schema v11: occasions within a wave. A wave can hold many occasions, such as each
 * multidisciplinary meeting (MDO) evaluated before and after. An occasion has two waves of its own,
 * its *before* and its *after* wave, which point back to it: a person answers once in each, so the
 * existing link by respondent code pairs their before with their after, and the rule of one
 * response per person per wave stays as it is. Waves without an occasion (T0, T1, T2, interim)
 * have neither column set.
 */
export function migrateToVersion11(db: Database): void {
  db.exec(`
    CREATE TABLE occasions (
      id TEXT PRIMARY KEY,
      wave_id TEXT NOT NULL REFERENCES waves(id) ON DELETE RESTRICT,
      label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
      held_on TEXT CHECK (held_on IS NULL OR held_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      UNIQUE (wave_id, label)
    ) STRICT;
    CREATE INDEX occasions_wave ON occasions(wave_id);
    ALTER TABLE waves ADD COLUMN occasion_id TEXT REFERENCES occasions(id) ON DELETE RESTRICT;
    ALTER TABLE waves ADD COLUMN occasion_moment TEXT CHECK (occasion_moment IS NULL OR occasion_moment IN ('before','after'));
    CREATE UNIQUE INDEX waves_occasion_moment ON waves(occasion_id, occasion_moment) WHERE occasion_id IS NOT NULL;
  `);
}
